import { createProjectInput, deleteProjectInput, locateInput, updateProjectInput } from "../../../contracts/project";
import * as projects from "../../services/project";
import { authedProcedure, projectProcedure } from "../procedures";
import { router } from "../init";

export const projectRouter = router({
  list: authedProcedure.query(({ ctx }) => projects.list(ctx)),
  locate: authedProcedure.input(locateInput).query(({ ctx, input }) => projects.locate(ctx, input)),
  create: authedProcedure.input(createProjectInput).mutation(({ ctx, input }) => projects.create(ctx, input)),
  byId: projectProcedure("project:read").query(({ ctx }) => projects.byId(ctx)),
  update: projectProcedure("project:write").input(updateProjectInput).mutation(({ ctx, input }) => projects.update(ctx, input)),
  delete: projectProcedure("project:delete").input(deleteProjectInput).mutation(({ ctx, input }) => projects.remove(ctx, input)),
});
