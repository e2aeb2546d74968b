// POST /api/v1/telemetry against a real node:http server and PostgreSQL: one test per contract case of issue #4
// (receipts, rejection codes, whole-request statuses, targets, late data, idempotency, NOTIFY).
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionHasTelemetry } from "../../../db/queries/capture-sessions";
import { TELEMETRY_CHANNEL } from "../../../db/queries/telemetry-notify";
import { sensorIngestState, telemetryBatches, telemetryReadings } from "../../../db/schema";
import { useTestDatabase } from "../../../test/db";
import { waitForLockWaiters } from "../../../test/helpers";
import { DEFAULT_TEST_LIMITS, makeSensorWorld, readingsAt, startIngestServer } from "./ingest-test-kit";

describe("POST /api/v1/telemetry", () => {
  const db = useTestDatabase();
  let api: Awaited<ReturnType<typeof startIngestServer>>;
  let world: Awaited<ReturnType<typeof makeSensorWorld>>;
  const rowsOf = (sensorId: string) => db.db.select().from(telemetryReadings).where(eq(telemetryReadings.sensorId, sensorId)).orderBy(telemetryReadings.seq);

  beforeAll(async () => {
    api = await startIngestServer(db, DEFAULT_TEST_LIMITS);
    world = await makeSensorWorld(db);
  });
  afterAll(async () => api.close());

  it("202: stores raw and converted values into the session the sensor records into, with a receipt", async () => {
    const sensor = await world.makeSensor({ kind: "linear", gain: 2, offset: 1 });
    const { runId, sessionId } = await world.makeSession({ recordingSensorId: sensor.id });
    const [a, b] = readingsAt(2);
    const res = await api.post({ readings: [a, { timestamp: a!.timestamp, raw_value: "NaN" }, { ...b, meta: { q: "ok" } }] }, { token: sensor.token });
    expect(res.status).toBe(202);
    expect(res.headers.get("x-request-id")).toMatch(/.{8,}/);
    expect(res.body).toEqual({
      accepted: 2, duplicates: 0, capture_session_id: sessionId, run_id: runId,
      rejected: [{ index: 1, code: "invalid_value", message: expect.stringContaining("raw_value") }],
    });
    const rows = await rowsOf(sensor.id);
    expect(rows.map((r) => [r.seq, r.rawValue, r.value, r.profileVersion, r.runId, r.captureSessionId, r.late, r.meta])).toEqual([
      [1, 0, 1, 1, runId, sessionId, false, null],
      [2, 1, 3, 1, runId, sessionId, false, { q: "ok" }],
    ]);
    expect(rows[0]!.deviceTime.toISOString()).toBe(a!.timestamp);
    expect(rows[0]!.time.toISOString()).toBe(a!.timestamp);
    expect(await sessionHasTelemetry(db.db, sessionId)).toBe(true);
  });

  it("a retried batch is a no-op: accepted 0, every reading a duplicate; repeats inside a batch count as duplicates", async () => {
    const sensor = await world.makeSensor();
    const readings = readingsAt(5);
    expect((await api.post({ readings }, { token: sensor.token })).body).toMatchObject({ accepted: 5, duplicates: 0 });
    expect((await api.post({ readings }, { token: sensor.token })).body).toMatchObject({ accepted: 0, duplicates: 5, rejected: [] });
    const fresh = readingsAt(1, Date.now() - 10_000)[0]!;
    expect((await api.post({ readings: [fresh, { ...fresh, raw_value: 9 }] }, { token: sensor.token })).body).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await rowsOf(sensor.id)).toHaveLength(6);
  });

  it("rejects single readings with invalid_value, invalid_timestamp, timestamp_in_future and out_of_range", async () => {
    const sensor = await world.makeSensor({ kind: "lookup", points: [{ raw: 0, value: 0 }, { raw: 10, value: 100 }], outOfRange: "reject" });
    const t = (i: number) => new Date(Date.now() - 60_000 + i).toISOString();
    const res = await api.post(
      {
        readings: [
          { timestamp: t(0), raw_value: 5 },
          { timestamp: t(1), raw_value: "Infinity" },
          { timestamp: t(2), raw_value: null },
          { timestamp: t(3), raw_value: "abc" },
          { timestamp: "2026-02-30T00:00:00Z", raw_value: 1 },
          { timestamp: Date.now() + 6 * 60_000, raw_value: 1 },
          { timestamp: t(7), raw_value: 11 },
        ],
      },
      { token: sensor.token },
    );
    expect(res.status).toBe(202);
    expect((res.body.rejected as { index: number; code: string }[]).map((r) => [r.index, r.code])).toEqual([
      [1, "invalid_value"], [2, "invalid_value"], [3, "invalid_value"], [4, "invalid_timestamp"], [5, "timestamp_in_future"], [6, "out_of_range"],
    ]);
    expect((await rowsOf(sensor.id)).map((r) => [r.rawValue, r.value])).toEqual([[5, 50]]);
  });

  it("never a 5xx for input PostgreSQL cannot store: a NUL or a lone surrogate in meta, deep nesting, 1e400", async () => {
    const sensor = await world.makeSensor();
    const [a, b, c, d] = readingsAt(4);
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const raw = `{"readings": [${JSON.stringify({ ...a, meta: { n: "x\u0000" } })}, {"timestamp": "${b!.timestamp}", "raw_value": 1, "meta": {"s": "\\ud800"}},
      {"timestamp": "${c!.timestamp}", "raw_value": 1, "meta": ${deep}}, {"timestamp": "${d!.timestamp}", "raw_value": 1e400}, ${JSON.stringify(readingsAt(1)[0])}]}`;
    const res = await api.post(null, { token: sensor.token, raw });
    expect(res.status).toBe(202);
    expect((res.body.rejected as { code: string }[]).map((r) => r.code)).toEqual(["invalid_value", "invalid_value", "invalid_value", "invalid_value"]);
  });

  it("422 when every reading is rejected, with the receipt in the body, and nothing is stored", async () => {
    const sensor = await world.makeSensor();
    const res = await api.post({ readings: [{ timestamp: "nope", raw_value: 1 }, { timestamp: Date.now(), raw_value: "NaN" }] }, { token: sensor.token });
    expect(res.status).toBe(422);
    expect(res.body.error!.details!.receipt).toMatchObject({ accepted: 0, duplicates: 0, rejected: [{ index: 0, code: "invalid_timestamp" }, { index: 1, code: "invalid_value" }] });
    expect(await rowsOf(sensor.id)).toHaveLength(0);
  });

  it("400 for malformed JSON, and for schema problems with the path", async () => {
    const sensor = await world.makeSensor();
    const malformed = await api.post(null, { token: sensor.token, raw: '{"readings": [' });
    expect([malformed.status, malformed.body.error!.code]).toEqual([400, "BAD_INPUT"]);
    expect(malformed.body.error!.message).toMatch(/^Malformed JSON/);
    const cases: [unknown, string][] = [
      [{ readings: "x" }, "readings"],
      [{ readings: [] }, "readings"],
      [{ readings: readingsAt(10_001) }, "readings"],
      [{ readings: readingsAt(1), capture_session_id: "not-a-uuid" }, "capture_session_id"],
      [{ readings: readingsAt(1), sent_at: "tomorrow" }, "sent_at"],
      [[1, 2], "_"],
    ];
    for (const [body, path] of cases) {
      const res = await api.post(body, { token: sensor.token });
      expect([res.status, Object.keys(res.body.error!.details!.fieldErrors as object)]).toEqual([400, [path]]);
    }
  });

  it("404 for a session or run of a project the sensor is not in, an unknown id, or a run that is not the session's", async () => {
    const sensor = await world.makeSensor();
    const foreign = await world.makeSession({ foreign: true });
    const own = await world.makeSession();
    const bodies = [
      { capture_session_id: foreign.sessionId },
      { run_id: foreign.runId },
      { capture_session_id: crypto.randomUUID() },
      { capture_session_id: own.sessionId, run_id: foreign.runId },
    ];
    for (const target of bodies) {
      const res = await api.post({ ...target, readings: readingsAt(1) }, { token: sensor.token });
      expect([res.status, res.body.error!.code]).toEqual([404, "NOT_FOUND"]);
    }
    expect(await rowsOf(sensor.id)).toHaveLength(0);
  });

  it("409 run_archived for an archived run; late = true for a succeeded run; an explicit session implies its run", async () => {
    const sensor = await world.makeSensor();
    const archived = await world.makeRun("archived");
    const res = await api.post({ run_id: archived, readings: readingsAt(1) }, { token: sensor.token });
    expect([res.status, res.body.error!.code]).toEqual([409, "run_archived"]);

    const done = await world.makeSession({ runStatus: "succeeded", status: "stopped" });
    const late = await api.post({ capture_session_id: done.sessionId, readings: readingsAt(2) }, { token: sensor.token });
    expect(late.status).toBe(202);
    expect(late.body).toMatchObject({ accepted: 2, run_id: done.runId, capture_session_id: done.sessionId });
    expect((await rowsOf(sensor.id)).map((r) => [r.late, r.runId])).toEqual([[true, done.runId], [true, done.runId]]);
  });

  it("a run archived while a batch waits for it is refused with 409, and nothing of the batch is stored", async () => {
    const sensor = await world.makeSensor();
    const runId = await world.makeRun("succeeded");
    let posted: ReturnType<typeof api.post> | undefined;
    await db.sql.begin(async (archive) => {
      await archive`select id from runs where id = ${runId} for update`;
      posted = api.post({ run_id: runId, readings: readingsAt(2) }, { token: sensor.token });
      await waitForLockWaiters(db.sql, 1);
      await archive`update runs set status = 'archived' where id = ${runId}`;
    });
    const res = await posted!;
    expect([res.status, res.body.error!.code]).toEqual([409, "run_archived"]);
    expect(await rowsOf(sensor.id)).toHaveLength(0);
  });

  it("without a target and no recording session, stores against the sensor alone", async () => {
    const sensor = await world.makeSensor();
    const res = await api.post({ readings: readingsAt(3) }, { token: sensor.token });
    expect(res.body).toMatchObject({ accepted: 3, run_id: null, capture_session_id: null });
    expect((await rowsOf(sensor.id)).map((r) => [r.runId, r.captureSessionId])).toEqual([[null, null], [null, null], [null, null]]);
  });

  it("accepts gzip bodies", async () => {
    const sensor = await world.makeSensor();
    const res = await api.post({ readings: readingsAt(100) }, { token: sensor.token, gzip: true });
    expect([res.status, res.body.accepted]).toEqual([202, 100]);
  });

  it("415 for another content type or encoding; 405 with Allow for other methods", async () => {
    const sensor = await world.makeSensor();
    const text = await api.post({ readings: readingsAt(1) }, { token: sensor.token, headers: { "content-type": "text/plain" } });
    expect([text.status, text.body.error!.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const br = await api.post({ readings: readingsAt(1) }, { token: sensor.token, headers: { "content-encoding": "br" } });
    expect(br.status).toBe(415);
    const get = await fetch(api.url);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
  });

  it("Idempotency-Key: a replay returns the stored receipt without writing; concurrent same-key requests write once", async () => {
    const sensor = await world.makeSensor();
    const headers = { "idempotency-key": "batch-0001-abc" };
    const first = await api.post({ readings: readingsAt(3) }, { token: sensor.token, headers });
    const replay = await api.post({ readings: readingsAt(4, Date.now() - 30_000) }, { token: sensor.token, headers });
    expect([replay.status, replay.body]).toEqual([202, first.body]);
    expect(await rowsOf(sensor.id)).toHaveLength(3);

    const concurrent = { "idempotency-key": "batch-0002-abc" };
    const readings = readingsAt(50, Date.now() - 20_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => api.post({ readings }, { token: sensor.token, headers: concurrent })));
    expect(results.map((r) => [r.status, r.body])).toEqual(Array.from({ length: 6 }, () => [202, { accepted: 50, duplicates: 0, rejected: [], capture_session_id: null, run_id: null }]));
    expect(await rowsOf(sensor.id)).toHaveLength(53);
    const batches = await db.db.select().from(telemetryBatches).where(eq(telemetryBatches.idempotencyKey, "batch-0002-abc"));
    expect(batches).toHaveLength(1);
  });

  it("NOTIFYs the committed seq range on the telemetry channel; seq keeps counting per sensor", async () => {
    const sensor = await world.makeSensor();
    const { runId, sessionId } = await world.makeSession({ recordingSensorId: sensor.id });
    const listener = postgres(db.url, { max: 1, onnotice: () => {} });
    const notices: unknown[] = [];
    try {
      await listener.listen(TELEMETRY_CHANNEL, (payload) => notices.push(JSON.parse(payload)));
      await api.post({ readings: readingsAt(4) }, { token: sensor.token });
      await api.post({ readings: readingsAt(2, Date.now() - 5_000) }, { token: sensor.token });
      await expect.poll(() => notices.filter((n) => (n as { sensorId: string }).sensorId === sensor.id)).toEqual([
        { sensorId: sensor.id, fromSeq: 1, toSeq: 4, runId, captureSessionId: sessionId },
        { sensorId: sensor.id, fromSeq: 5, toSeq: 6, runId, captureSessionId: sessionId },
      ]);
    } finally {
      await listener.end({ timeout: 5 });
    }
    const [state] = await db.db.select().from(sensorIngestState).where(eq(sensorIngestState.sensorId, sensor.id));
    expect(state!.lastSeq).toBe(6);
    expect(state!.lastSeenAt).toBeInstanceOf(Date);
  });

  it("clock correction: with it on, time = device time − estimated offset and both are stored", async () => {
    const sensor = await world.makeSensor();
    await db.db.insert(sensorIngestState).values({ sensorId: sensor.id, clockCorrection: true });
    const aheadMs = 10 * 60_000;
    const deviceNow = Date.now() + aheadMs;
    const res = await api.post({ sent_at: deviceNow, readings: [{ timestamp: deviceNow - 1000, raw_value: 1 }] }, { token: sensor.token });
    expect(res.body).toMatchObject({ accepted: 1, rejected: [] });
    const [row] = await rowsOf(sensor.id);
    expect(row!.deviceTime.getTime()).toBe(deviceNow - 1000);
    expect(Math.abs(row!.time.getTime() - (deviceNow - 1000 - aheadMs))).toBeLessThan(2000);
    const [batch] = await db.db.select().from(telemetryBatches).where(eq(telemetryBatches.sensorId, sensor.id));
    expect(Math.abs(batch!.clockOffsetMs! - aheadMs)).toBeLessThan(2000);
  });

  it("keeps the 1-second rollups exact across batches, duplicates and several readings per second", async () => {
    const sensor = await world.makeSensor({ kind: "linear", gain: 3, offset: 0 });
    const start = Math.floor((Date.now() - 120_000) / 1000) * 1000;
    const at = (ms: number, raw: number) => ({ timestamp: start + ms, raw_value: raw });
    await api.post({ readings: [at(0, 5), at(100, -2), at(1500, 7)] }, { token: sensor.token });
    await api.post({ readings: [at(100, 99), at(200, 10), at(900, -4), at(2000, 1)] }, { token: sensor.token });
    const fromRollups = await db.db.execute<{ bucket: string; min: number; max: number; sum: number; n: number }>(sql`
      select bucket::text, min_value as min, max_value as max, sum_value as sum, count as n from telemetry_rollups_1s
      where sensor_id = ${sensor.id} order by bucket`);
    const fromRaw = await db.db.execute<{ bucket: string; min: number; max: number; sum: number; n: number }>(sql`
      select date_bin('1 second', time, timestamptz '2000-01-01')::text as bucket, min(value) as min, max(value) as max, sum(value) as sum, count(*)::int as n
      from telemetry_readings where sensor_id = ${sensor.id} group by 1 order by 1`);
    expect([...fromRollups]).toEqual([...fromRaw]);
    expect(fromRollups.map((r) => [r.min, r.max, r.sum, r.n])).toEqual([[-12, 30, 27, 4], [21, 21, 21, 1], [3, 3, 3, 1]]);
  });

  it("sessionHasTelemetry is false for a session without readings", async () => {
    const { sessionId } = await world.makeSession();
    expect(await sessionHasTelemetry(db.db, sessionId)).toBe(false);
  });
});
