// The telemetry half of the first-start demo: two sensors with conversion profiles on the demo run, the run started
// and capture session #1 recording, so `npm start` can stream a simulated sensor into it within the first minute.
// Runs once per demo database; the tokens go to demo.json (shown once in the UI, so this file is their only copy).
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { startCaptureSessionInput } from "../../contracts/capture-session";
import { runIdInput } from "../../contracts/run";
import { setRunSensorsInput } from "../../contracts/run-sensor";
import { createSensorInput } from "../../contracts/sensor";
import { start as startSession } from "../../server/services/capture-session";
import type { ProjectContext } from "../../server/services/context";
import { start as startRun } from "../../server/services/run";
import { set as setRunSensors } from "../../server/services/run-sensor";
import { create as createSensor } from "../../server/services/sensor";
import type { SessionUser } from "../../server/auth/session-user";

export interface DemoSensor {
  id: string;
  name: string;
  token: string;
}

export interface DemoTelemetry {
  sensors: DemoSensor[];
  captureSessionId: string;
}

export async function seedDemoTelemetry(db: Db, user: SessionUser, project: { id: string; name: string }, runId: string): Promise<DemoTelemetry> {
  const ctx: ProjectContext = { db, user, requestId: `seed-${randomBytes(4).toString("hex")}`, project, role: "owner" };
  const thermocouple = await createSensor(
    ctx,
    createSensorInput.parse({
      projectId: project.id,
      name: "Bench thermocouple T1",
      type: "thermocouple",
      unit: "°C",
      rawUnit: "mV",
      description: "Type K on bench B2; the simulator streams it.",
      conversion: { kind: "linear", gain: 24.4, offset: -4.5 },
    }),
  );
  const pressure = await createSensor(
    ctx,
    createSensorInput.parse({
      projectId: project.id,
      name: "Chamber pressure P1",
      type: "pressure",
      unit: "kPa",
      rawUnit: "V",
      conversion: { kind: "lookup", points: [{ raw: 0.5, value: 0 }, { raw: 2.5, value: 100 }, { raw: 4.5, value: 250 }], outOfRange: "reject" },
    }),
  );
  await setRunSensors(ctx, setRunSensorsInput.parse({ projectId: project.id, runId, sensorIds: [thermocouple.sensor.id, pressure.sensor.id] }));
  await startRun(ctx, runIdInput.parse({ projectId: project.id, id: runId }));
  const session = await startSession(ctx, startCaptureSessionInput.parse({ projectId: project.id, runId }));
  return {
    sensors: [thermocouple, pressure].map(({ sensor, token }) => ({ id: sensor.id, name: sensor.name, token })),
    captureSessionId: session.id,
  };
}
