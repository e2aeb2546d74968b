import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { captureSessionSensors, captureSessions, runs } from "../../db/schema";
import { useTestDatabase } from "../../test/db";
import { readDemoInfo, seedDemo } from "./seed-demo";

const db = useTestDatabase();
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "etp-demo-"));
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe("seedDemo", () => {
  it("seeds sensors with tokens on a started run whose first capture session records them", async () => {
    const info = await seedDemo(db.db, stateDir);
    expect(info?.telemetry?.sensors).toHaveLength(2);
    for (const sensor of info!.telemetry!.sensors) expect(sensor.token).toMatch(/^etp_/);
    expect(readDemoInfo(stateDir)).toEqual(info);

    const [run] = await db.db.select().from(runs).where(eq(runs.id, info!.runId));
    expect(run?.status).toBe("running");
    const [session] = await db.db.select().from(captureSessions).where(eq(captureSessions.id, info!.telemetry!.captureSessionId));
    expect(session).toMatchObject({ status: "running", ordinalNumber: 1 });
    const recording = await db.db.select().from(captureSessionSensors).where(eq(captureSessionSensors.captureSessionId, session!.id));
    expect(recording.map((r) => r.sensorId).sort()).toEqual(info!.telemetry!.sensors.map((s) => s.id).sort());
    expect(recording.every((r) => r.recording)).toBe(true);
  });

  it("writes nothing on the next start", async () => {
    const before = readDemoInfo(stateDir);
    const sessionsBefore = await db.db.select().from(captureSessions);
    expect(await seedDemo(db.db, stateDir)).toEqual(before);
    expect(await db.db.select().from(captureSessions)).toHaveLength(sessionsBefore.length);
  });
});
