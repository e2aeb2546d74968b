import { router } from "./init";
import { auditRouter } from "./routers/audit";
import { captureSessionRouter } from "./routers/capture-session";
import { authRouter } from "./routers/auth";
import { experimentRouter } from "./routers/experiment";
import { jobRouter } from "./routers/job";
import { memberRouter } from "./routers/member";
import { projectRouter } from "./routers/project";
import { runRouter } from "./routers/run";
import { runSensorRouter } from "./routers/run-sensor";
import { sensorRouter } from "./routers/sensor";
import { telemetryRouter } from "./routers/telemetry";
import { userRouter } from "./routers/user";
import { webhookRouter } from "./routers/webhook";

export const appRouter = router({
  auth: authRouter,
  user: userRouter,
  project: projectRouter,
  member: memberRouter,
  audit: auditRouter,
  experiment: experimentRouter,
  run: runRouter,
  captureSession: captureSessionRouter,
  sensor: sensorRouter,
  telemetry: telemetryRouter,
  job: jobRouter,
  runSensor: runSensorRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
