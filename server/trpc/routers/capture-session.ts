import {
  captureSessionIdInput, failCaptureSessionInput, listCaptureSessionsInput, startCaptureSessionInput,
} from "../../../contracts/capture-session";
import * as sessions from "../../services/capture-session";
import { projectProcedure } from "../procedures";
import { router } from "../init";

export const captureSessionRouter = router({
  start: projectProcedure("runs:write").input(startCaptureSessionInput).mutation(({ ctx, input }) => sessions.start(ctx, input)),
  stop: projectProcedure("runs:write").input(captureSessionIdInput).mutation(({ ctx, input }) => sessions.stop(ctx, input)),
  fail: projectProcedure("runs:write").input(failCaptureSessionInput).mutation(({ ctx, input }) => sessions.fail(ctx, input)),
  delete: projectProcedure("runs:write").input(captureSessionIdInput).mutation(({ ctx, input }) => sessions.remove(ctx, input)),
  list: projectProcedure("runs:read").input(listCaptureSessionsInput).query(({ ctx, input }) => sessions.list(ctx, input)),
});
