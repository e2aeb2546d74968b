import {
  batchStatusInput, bulkTagsInput, compareRunsInput, createRunInput, failRunInput, listRunsInput, runIdInput,
} from "../../../contracts/run";
import * as runs from "../../services/run";
import { projectProcedure } from "../procedures";
import { router } from "../init";

// contracts/run.ts has no input for the column chooser yet; this is the list input's own experimentId.
const paramKeysInput = listRunsInput.pick({ projectId: true, experimentId: true });

export const runRouter = router({
  create: projectProcedure("runs:write").input(createRunInput).mutation(({ ctx, input }) => runs.create(ctx, input)),
  byId: projectProcedure("runs:read").input(runIdInput).query(({ ctx, input }) => runs.byId(ctx, input)),
  list: projectProcedure("runs:read").input(listRunsInput).query(({ ctx, input }) => runs.list(ctx, input)),
  paramKeys: projectProcedure("runs:read").input(paramKeysInput).query(({ ctx, input }) => runs.paramKeys(ctx, input)),
  start: projectProcedure("runs:write").input(runIdInput).mutation(({ ctx, input }) => runs.start(ctx, input)),
  complete: projectProcedure("runs:write").input(runIdInput).mutation(({ ctx, input }) => runs.complete(ctx, input)),
  fail: projectProcedure("runs:write").input(failRunInput).mutation(({ ctx, input }) => runs.fail(ctx, input)),
  archive: projectProcedure("runs:write").input(runIdInput).mutation(({ ctx, input }) => runs.archive(ctx, input)),
  batchStatus: projectProcedure("runs:write").input(batchStatusInput).mutation(({ ctx, input }) => runs.batchStatus(ctx, input)),
  bulkTags: projectProcedure("runs:write").input(bulkTagsInput).mutation(({ ctx, input }) => runs.bulkTags(ctx, input)),
  history: projectProcedure("runs:read").input(runIdInput).query(({ ctx, input }) => runs.history(ctx, input)),
  compare: projectProcedure("runs:read").input(compareRunsInput).query(({ ctx, input }) => runs.compare(ctx, input)),
});
