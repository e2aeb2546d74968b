// A capture session records from its run's sensors, a sensor records into at most one running session (409 naming the
// other run and session, under real concurrency and when only the index stands in the way), and a recording sensor
// cannot be deleted.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIngestContext } from "../../../db/queries/telemetry-write";
import { captureSessions, captureSessionSensors, experiments, runs, sensors } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { clientErrorShape, trpcErrorOf, waitForLockWaiters } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";

describe("recording sensors into capture sessions", () => {
  const db = useTestDatabase();
  let editor: SessionUser, owner: SessionUser;
  let projectId: string, experimentId: string;
  let gate: postgres.Sql, watcher: postgres.Sql;

  beforeAll(async () => {
    [owner, editor] = await Promise.all([makeUser(db.db), makeUser(db.db)]);
    projectId = (await makeProject(db.db, owner, [{ user: editor, role: "editor" }])).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Recording" }).returning();
    experimentId = exp!.id;
    [gate, watcher] = [1, 2].map(() => postgres(db.url, { max: 1, onnotice: () => {} })) as [postgres.Sql, postgres.Sql];
  });
  afterAll(async () => {
    await Promise.all([gate, watcher].map((c) => c.end({ timeout: 5 })));
  });
  const recordingTarget = async (sensorId: string) => (await loadIngestContext(db.db, sensorId))?.recording ?? null;

  const sessions = (user: SessionUser = editor) => callerFor(db.db, user).captureSession;
  async function makeSensor(name = `S ${randomUUID().slice(0, 6)}`) {
    const { sensor } = await callerFor(db.db, editor).sensor.create({ projectId, name, unit: "°C", rawUnit: "mV" });
    return sensor.id;
  }
  async function makeRun(name: string, sensorIds: string[] = []) {
    const [row] = await db.db.insert(runs).values({ projectId, experimentId, name, status: "running" }).returning();
    if (sensorIds.length > 0) await callerFor(db.db, editor).runSensor.set({ projectId, runId: row!.id, sensorIds });
    return row!.id;
  }
  const recordingOf = (sensorId: string) =>
    db.db.select().from(captureSessionSensors).where(and(eq(captureSessionSensors.sensorId, sensorId), eq(captureSessionSensors.recording, true)));
  const sessionsOf = (runId: string) => db.db.select().from(captureSessions).where(eq(captureSessions.runId, runId));

  it("records from every sensor of the run while the session runs, and stops on stop and on fail", async () => {
    const [a, b] = [await makeSensor(), await makeSensor()];
    const runId = await makeRun("Lifecycle", [a, b]);
    const first = await sessions().start({ projectId, runId });
    for (const sensorId of [a, b]) {
      expect(await recordingTarget(sensorId)).toEqual({ captureSessionId: first.id, runId, runStatus: "running" });
    }
    expect((await callerFor(db.db, editor).runSensor.list({ projectId, runId })).map((s) => s.recording)).toEqual([
      { runId, runName: "Lifecycle", captureSessionId: first.id, ordinal: 1 },
      { runId, runName: "Lifecycle", captureSessionId: first.id, ordinal: 1 },
    ]);

    await sessions().stop({ projectId, id: first.id });
    expect(await recordingTarget(a)).toBeNull();
    const rows = await db.db.select().from(captureSessionSensors).where(eq(captureSessionSensors.captureSessionId, first.id));
    expect(rows.map((r) => r.recording)).toEqual([false, false]);

    const second = await sessions().start({ projectId, runId });
    expect(await recordingTarget(b)).toMatchObject({ captureSessionId: second.id });
    await sessions().fail({ projectId, id: second.id, reason: "Cable cut" });
    expect(await recordingTarget(b)).toBeNull();
  });

  it("starts a session in a run without sensors, claiming nothing", async () => {
    const runId = await makeRun("Bare");
    const s = await sessions().start({ projectId, runId });
    expect(await db.db.select().from(captureSessionSensors).where(eq(captureSessionSensors.captureSessionId, s.id))).toEqual([]);
  });

  it("refuses a second run's session with 409 naming the run and session, rolling the start back; after a stop it starts", async () => {
    const t1 = await makeSensor("T1");
    const own = await makeSensor("Own");
    const [runA, runB] = [await makeRun("Calibration A", [t1]), await makeRun("Calibration B", [own, t1])];
    await sessions().stop({ projectId, id: (await sessions().start({ projectId, runId: runA })).id });
    const busy = await sessions().start({ projectId, runId: runA });

    const error = await trpcErrorOf(sessions().start({ projectId, runId: runB, idempotencyKey: `start-${randomUUID()}` }));
    expect([error.code, error.message]).toEqual(["CONFLICT", 'Sensor "T1" is recording into run "Calibration A", session #2. Stop that session first.']);
    expect(clientErrorShape(error, "captureSession.start").data).toMatchObject({
      httpStatus: 409,
      details: { reason: "sensor_recording", sensorId: t1, runId: runA, captureSessionId: busy.id, ordinal: 2 },
    });
    expect(await sessionsOf(runB)).toEqual([]);
    expect(await recordingOf(own)).toEqual([]);

    await sessions().stop({ projectId, id: busy.id });
    const started = await sessions().start({ projectId, runId: runB });
    expect(started.ordinalNumber).toBe(1);
    expect(await recordingTarget(t1)).toMatchObject({ runId: runB, captureSessionId: started.id });
  });

  it("lets exactly one of two runs sharing a sensor start, when both start at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const shared = await makeSensor(`Shared ${round}`);
      const [runA, runB] = [await makeRun(`Left ${round}`, [shared]), await makeRun(`Right ${round}`, [shared])];
      const results = await Promise.allSettled([sessions(editor).start({ projectId, runId: runA }), sessions(owner).start({ projectId, runId: runB })]);
      const winners = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ i, session: r.value }] : []));
      const losers = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string; message: string }] : []));
      expect(winners).toHaveLength(1);
      const { i, session } = winners[0]!;
      const [winnerName, loserRun] = i === 0 ? [`Left ${round}`, runB] : [`Right ${round}`, runA];
      expect(losers.map((e) => [e.code, e.message])).toEqual([
        ["CONFLICT", `Sensor "Shared ${round}" is recording into run "${winnerName}", session #1. Stop that session first.`],
      ]);
      expect((await recordingOf(shared)).map((r) => r.captureSessionId)).toEqual([session.id]);
      expect(await sessionsOf(loserRun)).toEqual([]);

      await sessions().stop({ projectId, id: session.id });
      expect((await sessions().start({ projectId, runId: loserRun })).status).toBe("running");
    }
  });

  it("maps the index's unique violation to the same 409 when a claim commits while ours waits on it", async () => {
    const sensor = await makeSensor("Gated");
    const [holder, runId] = [await makeRun("Holder"), await makeRun("Waiter", [sensor])];
    const held = await sessions().start({ projectId, runId: holder });
    let call: Promise<unknown> = Promise.resolve();
    // The claim is not yet committed when our start checks, so only the index (and its wait) stands in the way.
    await gate.begin(async (tx) => {
      await tx`insert into capture_session_sensors (capture_session_id, sensor_id, run_id) values (${held.id}, ${sensor}, ${holder})`;
      call = trpcErrorOf(sessions().start({ projectId, runId }));
      await waitForLockWaiters(watcher, 1);
    });
    const error = (await call) as { code: string; message: string };
    expect([error.code, error.message]).toEqual(["CONFLICT", 'Sensor "Gated" is recording into run "Holder", session #1. Stop that session first.']);
    expect(await sessionsOf(runId)).toEqual([]);
  });

  it("refuses to delete a sensor a running session records from, and deletes it once stopped", async () => {
    const sensor = await makeSensor("Probe");
    const runId = await makeRun("Deletion", [sensor]);
    const s = await sessions().start({ projectId, runId });
    const error = await trpcErrorOf(callerFor(db.db, editor).sensor.delete({ projectId, id: sensor }));
    expect([error.code, error.message]).toEqual(["CONFLICT", 'Sensor "Probe" is recording into run "Deletion", session #1. Stop that session before deleting the sensor.']);
    expect(clientErrorShape(error, "sensor.delete").data.details).toMatchObject({ reason: "sensor_recording", sensorId: sensor, captureSessionId: s.id });
    const [row] = await db.db.select().from(sensors).where(eq(sensors.id, sensor));
    expect(row!.deletedAt).toBeNull();

    await sessions().stop({ projectId, id: s.id });
    expect(await callerFor(db.db, editor).sensor.delete({ projectId, id: sensor })).toEqual({ id: sensor });
    // A later session of the run does not claim the deleted sensor.
    const next = await sessions().start({ projectId, runId });
    expect(await db.db.select().from(captureSessionSensors).where(eq(captureSessionSensors.captureSessionId, next.id))).toEqual([]);
  });

  it("never leaves a deleted sensor recording when a delete and a start race", async () => {
    for (let round = 0; round < 5; round++) {
      const sensor = await makeSensor(`Racer ${round}`);
      const runId = await makeRun(`Race ${round}`, [sensor]);
      const [deleted, started] = await Promise.allSettled([
        callerFor(db.db, editor).sensor.delete({ projectId, id: sensor }),
        sessions(owner).start({ projectId, runId }),
      ]);
      expect(started.status).toBe("fulfilled");
      const recording = await recordingOf(sensor);
      if (deleted.status === "fulfilled") expect(recording).toEqual([]);
      else expect([(deleted.reason as { code: string }).code, recording.length]).toEqual(["CONFLICT", 1]);
      if (started.status === "fulfilled") await sessions().stop({ projectId, id: started.value.id });
    }
  });
});
