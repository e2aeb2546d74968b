import {
  createExperimentInput, experimentIdInput, listExperimentsInput, transitionExperimentInput, updateExperimentInput,
} from "../../../contracts/experiment";
import * as experiments from "../../services/experiment";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const experimentRouter = router({
  list: projectProcedure("experiments:read").input(listExperimentsInput).query(({ ctx, input }) => experiments.list(ctx, input)),
  byId: projectProcedure("experiments:read").input(experimentIdInput).query(({ ctx, input }) => experiments.byId(ctx, input)),
  types: projectProcedure("experiments:read").query(({ ctx }) => experiments.types(ctx)),
  tags: projectProcedure("experiments:read").query(({ ctx }) => experiments.tags(ctx)),
  create: projectProcedure("experiments:write").input(createExperimentInput).mutation(({ ctx, input }) => experiments.create(ctx, input)),
  update: projectProcedure("experiments:write").input(updateExperimentInput).mutation(({ ctx, input }) => experiments.update(ctx, input)),
  transition: projectProcedure("experiments:write").input(transitionExperimentInput).mutation(({ ctx, input }) => experiments.transition(ctx, input)),
  delete: projectProcedure("experiments:write").input(experimentIdInput).mutation(({ ctx, input }) => experiments.remove(ctx, input)),
});
