import { jobIdInput, listJobsInput, reprocessInput } from "../../../contracts/job";
import * as reprocess from "../../services/telemetry/reprocess";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const jobRouter = router({
  reprocess: projectProcedure("runs:write").input(reprocessInput).mutation(({ ctx, input }) => reprocess.queue(ctx, input)),
  byId: projectProcedure("runs:read").input(jobIdInput).query(({ ctx, input }) => reprocess.byId(ctx, input)),
  list: projectProcedure("runs:read").input(listJobsInput).query(({ ctx, input }) => reprocess.list(ctx, input)),
});
