// sensor.telemetryStats and sensor.setClockCorrection: the sensor page's figures after real ingest over HTTP, project
// isolation, roles, audit, and correction taking effect on the next batch.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertMember } from "../../../db/queries/projects";
import { telemetryReadings } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction, trpcErrorOf } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";
import { DEFAULT_TEST_LIMITS, makeSensorWorld, readingsAt, startIngestServer } from "./ingest-test-kit";

describe("sensor telemetry stats and clock correction", () => {
  const db = useTestDatabase();
  let api: Awaited<ReturnType<typeof startIngestServer>>;
  let world: Awaited<ReturnType<typeof makeSensorWorld>>;
  let viewer: SessionUser, stranger: SessionUser;

  beforeAll(async () => {
    api = await startIngestServer(db, DEFAULT_TEST_LIMITS);
    world = await makeSensorWorld(db);
    viewer = await makeUser(db.db);
    stranger = await makeUser(db.db);
    await insertMember(db.db, { projectId: world.project.id, userId: viewer.id, role: "viewer" });
    await makeProject(db.db, stranger);
  });
  afterAll(async () => api.close());

  it("a sensor that never posted: offline, no last seen, no offset, the token hint", async () => {
    const sensor = await world.makeSensor();
    const stats = await callerFor(db.db, viewer).sensor.telemetryStats({ projectId: world.project.id, id: sensor.id });
    expect(stats).toEqual({
      tokenHint: `etp_…${sensor.token.slice(-4)}`, lastSeenAt: null, readingsPerSecondLastMinute: 0, online: false, clockOffsetMs: null, clockCorrection: false,
    });
  });

  it("after ingest: online, last seen, readings/s over the last minute, and the median clock offset", async () => {
    const sensor = await world.makeSensor();
    for (const [i, ahead] of [2000, 2100, 90_000].entries()) {
      await api.post({ sent_at: Date.now() + ahead, readings: readingsAt(30, Date.now() - 300_000 + i * 60_000) }, { token: sensor.token });
    }
    const stats = await callerFor(db.db, viewer).sensor.telemetryStats({ projectId: world.project.id, id: sensor.id });
    expect(stats).toMatchObject({ online: true, readingsPerSecondLastMinute: 90 / 60, clockCorrection: false });
    expect(Date.now() - stats.lastSeenAt!.getTime()).toBeLessThan(10_000);
    expect(stats.clockOffsetMs).toBeGreaterThan(1500);
    expect(stats.clockOffsetMs).toBeLessThan(2600);
  });

  it("another project's id or a non-member gets NOT_FOUND; a viewer cannot change the setting", async () => {
    const sensor = await world.makeSensor();
    expect((await trpcErrorOf(callerFor(db.db, world.owner).sensor.telemetryStats({ projectId: world.foreignProject.id, id: sensor.id }))).code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(callerFor(db.db, stranger).sensor.telemetryStats({ projectId: world.project.id, id: sensor.id }))).code).toBe("NOT_FOUND");
    const forbidden = await trpcErrorOf(callerFor(db.db, viewer).sensor.setClockCorrection({ projectId: world.project.id, id: sensor.id, enabled: true }));
    expect(forbidden.code).toBe("FORBIDDEN");
  });

  it("turning correction on is audited once and shifts the next batch's timestamps by the estimate", async () => {
    const sensor = await world.makeSensor();
    const owner = callerFor(db.db, world.owner).sensor;
    expect(await owner.setClockCorrection({ projectId: world.project.id, id: sensor.id, enabled: true })).toEqual({ id: sensor.id, clockCorrection: true });
    await owner.setClockCorrection({ projectId: world.project.id, id: sensor.id, enabled: true });
    expect(await auditRowsForAction(db.db, "sensor.clock_correction_changed", sensor.id)).toMatchObject([
      { before: { clockCorrection: false }, after: { clockCorrection: true } },
    ]);
    const ahead = 30_000;
    const device = Date.now() + ahead;
    await api.post({ sent_at: device, readings: [{ timestamp: device - 5000, raw_value: 1 }] }, { token: sensor.token });
    const [row] = await db.db.select().from(telemetryReadings).where(eq(telemetryReadings.sensorId, sensor.id));
    expect(row!.deviceTime.getTime()).toBe(device - 5000);
    expect(Math.abs(row!.time.getTime() - (device - 5000 - ahead))).toBeLessThan(2000);
    expect((await owner.telemetryStats({ projectId: world.project.id, id: sensor.id })).clockCorrection).toBe(true);
  });
});
