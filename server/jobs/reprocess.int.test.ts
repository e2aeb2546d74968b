// Reprocess jobs end to end against PostgreSQL: queueing through job.reprocess (access, targets, versions, overlap,
// idempotency), runNextJob recomputing values chunk by chunk (raw untouched, rollups refreshed, progress, audit),
// skipped out-of-range readings, SKIP LOCKED claiming, crashed-job reclaim, give-up after 3 attempts, and the poll loop.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversionSpec } from "../../domain/conversion/profile";
import { refreshRollups } from "../../db/queries/telemetry-rollup";
import { captureSessions, experiments, jobs, runs } from "../../db/schema";
import { useTestDatabase } from "../../test/db";
import { callerFor, makeProject, makeUser } from "../../test/factories";
import { auditRowsForAction, sleep, trpcErrorOf, waitForLockWaiters } from "../../test/helpers";
import type { SessionUser } from "../auth/session-user";
import { runNextJob, startJobWorker } from "./worker";

const T0 = Date.parse("2026-03-01T10:00:00Z");

describe("reprocess jobs", () => {
  const db = useTestDatabase();
  let owner: SessionUser, viewer: SessionUser;
  let projectId: string, foreignProjectId: string, experimentId: string;
  let gate: postgres.Sql;
  const job = (user: SessionUser = owner) => callerFor(db.db, user).job;

  beforeAll(async () => {
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    foreignProjectId = (await makeProject(db.db, owner)).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Reprocess" }).returning();
    experimentId = exp!.id;
    gate = postgres(db.url, { max: 1, onnotice: () => {} });
  });
  afterAll(() => gate.end({ timeout: 5 }));

  async function makeRun(status: "running" | "succeeded" | "archived" = "succeeded") {
    const [run] = await db.db.insert(runs).values({ projectId, experimentId, name: "R", status }).returning();
    const [session] = await db.db.insert(captureSessions).values({ projectId, runId: run!.id, ordinalNumber: 1, status: "stopped" }).returning();
    return { runId: run!.id, sessionId: session!.id };
  }

  /** A sensor with version 1 = identity (active) and version 2 = `v2` (not active). */
  async function makeSensor(v2: ConversionSpec = { kind: "linear", gain: 10, offset: 1 }, project = projectId) {
    const { sensor } = await callerFor(db.db, owner).sensor.create({ projectId: project, name: `S ${randomUUID().slice(0, 6)}`, unit: "°C", rawUnit: "mV" });
    await callerFor(db.db, owner).sensor.saveProfile({ projectId: project, id: sensor.id, spec: v2, activate: false });
    return sensor.id;
  }

  /** Readings 250 ms apart (with microseconds, which must survive the keyset) converted by version 1, seq bumped. */
  async function insertReadings(sensorId: string, target: { runId: string; sessionId: string | null }, raws: number[], startMs = T0) {
    const [state] = await db.sql<{ last: number }[]>`
      insert into sensor_ingest_state (sensor_id, last_seq) values (${sensorId}, ${raws.length})
      on conflict (sensor_id) do update set last_seq = sensor_ingest_state.last_seq + ${raws.length}
      returning last_seq::int as last`;
    const firstSeq = state!.last - raws.length + 1;
    await db.sql`
      insert into telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, profile_version, run_id, capture_session_id)
      select ${sensorId}, t, t, ${firstSeq} + i - 1, raw::float8, raw::float8, 1, ${target.runId}, ${target.sessionId}
      from jsonb_array_elements_text(${JSON.stringify(raws)}::jsonb) with ordinality as u(raw, i),
        lateral (select ${new Date(startMs).toISOString()}::timestamptz + (i - 1) * interval '250 ms' + interval '7 microseconds' as t) x`;
    await refreshRollups(db.db, sensorId, new Date(startMs), new Date(startMs + raws.length * 250));
  }

  const readingsOf = (sensorId: string) =>
    db.sql<{ raw: number; value: number; version: number; session: string | null }[]>`
      select raw_value as raw, value, profile_version as version, capture_session_id as session
      from telemetry_readings where sensor_id = ${sensorId} order by time`;
  const rollupTotals = async (sensorId: string) =>
    (await db.sql<{ sum: number; count: number }[]>`
      select sum(sum_value)::float8 as sum, sum(count)::int as count from telemetry_rollups_1s where sensor_id = ${sensorId}`)[0]!;
  const jobRow = async (id: string) => (await db.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  /** Runs due jobs until none is left (other tests' leftovers included), returning the outcome for `id`. */
  async function drain(id?: string, chunkSize = 2) {
    let mine: Awaited<ReturnType<typeof runNextJob>> = null;
    for (let outcome = await runNextJob(db.db, { chunkSize }); outcome; outcome = await runNextJob(db.db, { chunkSize })) {
      if (outcome.id === id) mine = outcome;
    }
    return mine;
  }

  it("recomputes a run's values in chunks: raw unchanged, version updated, rollups refreshed, progress and audit", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    const other = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1, 2, 3]);
    await insertReadings(sensorId, { runId, sessionId: null }, [4, 5], T0 + 10_000);
    await insertReadings(other, { runId, sessionId }, [7]);

    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    expect(queued).toMatchObject({ status: "queued", progress: 0, runId, captureSessionId: null, sensorId, profileVersion: 2 });
    expect(await auditRowsForAction(db.db, "telemetry.reprocess_queued", queued.id)).toHaveLength(1);

    expect(await drain(queued.id)).toEqual({ id: queued.id, status: "succeeded" });
    expect((await readingsOf(sensorId)).map((r) => [r.raw, r.value, r.version])).toEqual([
      [1, 11, 2], [2, 21, 2], [3, 31, 2], [4, 41, 2], [5, 51, 2],
    ]);
    expect(await readingsOf(other)).toEqual([expect.objectContaining({ raw: 7, value: 7, version: 1 })]);
    expect(await rollupTotals(sensorId)).toEqual({ sum: 11 + 21 + 31 + 41 + 51, count: 5 });

    const done = await job(viewer).byId({ projectId, id: queued.id });
    expect(done).toMatchObject({ status: "succeeded", progress: 5, total: 5, skipped: 0, attempts: 1, error: null });
    const finished = await auditRowsForAction(db.db, "telemetry.reprocess_succeeded", queued.id);
    expect(finished.map((a) => [a.projectId, (a.after as { progress: number }).progress])).toEqual([[projectId, 5]]);
    expect((await job(viewer).list({ projectId, runId })).map((j) => j.id)).toEqual([queued.id]);
  });

  it("limits a session-scoped job to that session's readings", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1, 2]);
    await insertReadings(sensorId, { runId, sessionId: null }, [3], T0 + 10_000);
    const queued = await job().reprocess({ projectId, captureSessionId: sessionId, sensorId, profileVersion: 2 });
    expect(queued).toMatchObject({ runId, captureSessionId: sessionId });
    await drain(queued.id);
    expect((await readingsOf(sensorId)).map((r) => [r.value, r.version])).toEqual([[11, 2], [21, 2], [3, 1]]);
  });

  it("keeps the old value of readings a rejecting lookup table cannot convert, and counts them as skipped", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor({ kind: "lookup", points: [{ raw: 0, value: 0 }, { raw: 10, value: 100 }], outOfRange: "reject" });
    await insertReadings(sensorId, { runId, sessionId }, [-1, 5, 11, 10]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    await drain(queued.id, 3);
    expect((await readingsOf(sensorId)).map((r) => [r.raw, r.value, r.version])).toEqual([[-1, -1, 1], [5, 50, 2], [11, 11, 1], [10, 100, 2]]);
    expect(await job().byId({ projectId, id: queued.id })).toMatchObject({ status: "succeeded", progress: 4, total: 4, skipped: 2 });
  });

  it("refuses viewers, other projects' ids, unknown versions, archived runs, overlapping jobs and bad scopes", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    const foreignSensor = await makeSensor(undefined, foreignProjectId);
    const codeOf = async (p: Promise<unknown>) => (await trpcErrorOf(p)).code;

    expect(await codeOf(job(viewer).reprocess({ projectId, runId, sensorId, profileVersion: 2 }))).toBe("FORBIDDEN");
    expect(await codeOf(job().reprocess({ projectId, runId, sensorId: foreignSensor, profileVersion: 2 }))).toBe("NOT_FOUND");
    expect(await codeOf(job().reprocess({ projectId: foreignProjectId, runId, sensorId: foreignSensor, profileVersion: 2 }))).toBe("NOT_FOUND");
    expect(await codeOf(job().reprocess({ projectId, captureSessionId: randomUUID(), sensorId, profileVersion: 2 }))).toBe("NOT_FOUND");
    const unknown = await trpcErrorOf(job().reprocess({ projectId, runId, sensorId, profileVersion: 3 }));
    expect([unknown.code, unknown.message]).toEqual(["NOT_FOUND", "This sensor has no conversion profile version 3."]);
    expect(await codeOf(job().reprocess({ projectId, runId, captureSessionId: sessionId, sensorId, profileVersion: 2 }))).toBe("BAD_REQUEST");
    expect(await codeOf(job().reprocess({ projectId, sensorId, profileVersion: 2 }))).toBe("BAD_REQUEST");
    const archived = await makeRun("archived");
    expect(await codeOf(job().reprocess({ projectId, runId: archived.runId, sensorId, profileVersion: 2 }))).toBe("CONFLICT");

    const first = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2, idempotencyKey: "reprocess-key-1" });
    expect(await job().reprocess({ projectId, runId, sensorId, profileVersion: 2, idempotencyKey: "reprocess-key-1" })).toEqual(first);
    const overlap = await trpcErrorOf(job().reprocess({ projectId, captureSessionId: sessionId, sensorId, profileVersion: 1 }));
    expect([overlap.code, overlap.message]).toEqual(["CONFLICT", "A reprocess of this sensor in this run is already queued or running. Wait for it to finish."]);
    expect(await codeOf(job().byId({ projectId: foreignProjectId, id: first.id }))).toBe("NOT_FOUND");
    expect(await job().list({ projectId: foreignProjectId })).toEqual([]);
    expect(await db.db.select().from(jobs).where(eq(jobs.projectId, projectId))).toHaveLength(
      (await job().list({ projectId, limit: 100 })).length,
    );
    await drain(first.id);
    // Once the first job is done, the same target can be reprocessed again.
    expect(await job().reprocess({ projectId, runId, sensorId, profileVersion: 1 })).toMatchObject({ status: "queued" });
    await drain();
  });

  it("skips a job another worker holds (SKIP LOCKED) and never runs one job twice concurrently", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1, 2, 3]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });

    await gate.begin(async (tx) => {
      await tx`select id from jobs where id = ${queued.id} for update`;
      const started = Date.now();
      expect(await runNextJob(db.db)).toBeNull();
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    const outcomes = await Promise.all([runNextJob(db.db, { chunkSize: 1 }), runNextJob(db.db, { chunkSize: 1 })]);
    expect(outcomes.filter((o) => o?.id === queued.id)).toEqual([{ id: queued.id, status: "succeeded" }]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(await jobRow(queued.id)).toMatchObject({ attempts: 1, progress: 3 });
    expect(await auditRowsForAction(db.db, "telemetry.reprocess_succeeded", queued.id)).toHaveLength(1);
  });

  it("waits for an ingest batch of the same sensor to commit before rewriting a chunk (exact rollups)", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    let outcome: Promise<unknown> = Promise.resolve();
    await gate.begin(async (tx) => {
      await tx`select 1 from sensor_ingest_state where sensor_id = ${sensorId} for update`;
      outcome = runNextJob(db.db);
      await waitForLockWaiters(db.sql, 1);
      expect((await readingsOf(sensorId))[0]).toMatchObject({ value: 1, version: 1 });
    });
    expect(await outcome).toEqual({ id: queued.id, status: "succeeded" });
    expect((await readingsOf(sensorId))[0]).toMatchObject({ value: 11, version: 2 });
  });

  it("reclaims a crashed worker's job once its lease has run out and resumes after the last committed chunk", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1, 2, 3, 4]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    // As a worker that finished the first two readings and died: its chunk committed, its lease is still live.
    const cursor = new Date(T0 + 250).toISOString().replace("Z", "007Z");
    const payload = { ...(await jobRow(queued.id)).payload, cursor };
    await db.db.update(jobs).set({ status: "running", attempts: 1, progress: 2, total: 4, payload, lockedUntil: sql`now() + interval '1 minute'` }).where(eq(jobs.id, queued.id));

    expect(await runNextJob(db.db)).toBeNull();
    await db.db.update(jobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, queued.id));
    expect(await runNextJob(db.db)).toEqual({ id: queued.id, status: "succeeded" });
    // The first two were "already done" by the dead worker (here: untouched), the rest recomputed by the new one.
    expect((await readingsOf(sensorId)).map((r) => [r.value, r.version])).toEqual([[1, 1], [2, 1], [31, 2], [41, 2]]);
    expect(await jobRow(queued.id)).toMatchObject({ status: "succeeded", attempts: 2, progress: 4, total: 4 });
  });

  it("gives a job up after 3 attempts, and fails a job that cannot succeed without retrying it", async () => {
    const { runId } = await makeRun();
    const sensorId = await makeSensor();
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    await db.db.update(jobs).set({ status: "running", attempts: 3, error: "boom", lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, queued.id));
    expect(await runNextJob(db.db)).toEqual({ id: queued.id, status: "failed" });
    expect(await jobRow(queued.id)).toMatchObject({ status: "failed", error: "Gave up after 3 attempts. Last error: boom" });
    expect(await auditRowsForAction(db.db, "telemetry.reprocess_failed", queued.id)).toHaveLength(1);

    const [broken] = await db.db.insert(jobs).values({ projectId, kind: "reprocess", payload: { sensorId } }).returning();
    expect(await runNextJob(db.db)).toEqual({ id: broken!.id, status: "failed" });
    expect(await jobRow(broken!.id)).toMatchObject({ attempts: 1, error: "The job's payload is not a valid reprocess request." });
  });

  it("hands a job back to the queue, without spending an attempt, when the worker stops mid-job", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1, 2]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    const stopping = new AbortController();
    stopping.abort();
    expect(await runNextJob(db.db, { signal: stopping.signal })).toEqual({ id: queued.id, status: "queued" });
    expect(await jobRow(queued.id)).toMatchObject({ status: "queued", attempts: 0, lockedUntil: null, total: 2, progress: 0 });
    expect(await drain(queued.id)).toEqual({ id: queued.id, status: "succeeded" });
    expect(await jobRow(queued.id)).toMatchObject({ attempts: 1, progress: 2 });
  });

  it("runs queued jobs from the poll loop and stops cleanly", async () => {
    const { runId, sessionId } = await makeRun();
    const sensorId = await makeSensor();
    await insertReadings(sensorId, { runId, sessionId }, [1]);
    const queued = await job().reprocess({ projectId, runId, sensorId, profileVersion: 2 });
    const worker = startJobWorker({ getDb: () => db.db }, { pollMs: 20 });
    try {
      for (let i = 0; i < 200 && (await jobRow(queued.id)).status !== "succeeded"; i++) await sleep(25);
    } finally {
      await worker.stop();
    }
    expect((await jobRow(queued.id)).status).toBe("succeeded");
    expect((await readingsOf(sensorId))[0]).toMatchObject({ value: 11, version: 2 });
  });
});
