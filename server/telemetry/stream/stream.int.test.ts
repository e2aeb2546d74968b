// GET /api/v1/telemetry/stream on a real node:http server against the test database: auth (401 / 404), query
// validation (400), the exact SSE format, status events, pings, and resume without gaps or duplicates.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { experiments, runs } from "../../../db/schema";
import { decodeCursor, encodeCursor } from "../../../domain/telemetry/cursor";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import type { SessionUser } from "../../auth/session-user";
import { openSse, rawValuesOf, readingsFrom, sessionCookie, startStreamServer, TEST_AUTH_SECRET, telemetryOf, writeReadings, type SseClient } from "./test-support";

describe("GET /api/v1/telemetry/stream", () => {
  const db = useTestDatabase();
  let server: Awaited<ReturnType<typeof startStreamServer>>;
  let owner: SessionUser, viewer: SessionUser, outsider: SessionUser;
  let projectId: string, experimentId: string, sensorId: string, otherSensorId: string;
  let viewerCookie: string;
  const t0 = Date.UTC(2026, 0, 1);
  const open: SseClient[] = [];

  async function sse(query: string, headers: Record<string, string> = {}) {
    const client = await openSse(`${server.url}?${query}`, { cookie: viewerCookie, ...headers });
    open.push(client);
    return client;
  }
  const ready = (c: SseClient) => c.waitFor((x) => x.events.some((e) => e.event === "ready"));

  async function makeRun(status: "running" | "draft" = "running") {
    const [row] = await db.db.insert(runs).values({ projectId, experimentId, name: "R", status }).returning();
    return row!.id;
  }
  async function makeSensor(project = projectId, user = owner) {
    return (await callerFor(db.db, user).sensor.create({ projectId: project, name: `S ${randomUUID().slice(0, 6)}`, unit: "°C", rawUnit: "mV" })).sensor.id;
  }

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", TEST_AUTH_SECRET);
    [owner, viewer, outsider] = [await makeUser(db.db), await makeUser(db.db), await makeUser(db.db)];
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Stream" }).returning();
    experimentId = exp!.id;
    sensorId = await makeSensor();
    otherSensorId = await makeSensor((await makeProject(db.db, outsider)).id, outsider);
    viewerCookie = await sessionCookie(db.db, viewer.id);
    server = await startStreamServer(db, { pingIntervalMs: 150, replayPageSize: 7 });
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.close();
    vi.unstubAllEnvs();
  });

  describe("refusals", () => {
    it("answers 401 without a session cookie, with a request id", async () => {
      const res = await openSse(`${server.url}?sensor_id=${sensorId}`);
      expect(res.status).toBe(401);
      expect(res.headers["x-request-id"]).toBeTruthy();
      expect(JSON.parse(await res.body())).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    });

    it("answers 404 alike for another project's sensor or run and for an id that does not exist", async () => {
      const bodies = [];
      for (const query of [`sensor_id=${otherSensorId}`, `sensor_id=${randomUUID()}`, `run_id=${randomUUID()}`, `sensor_id=${sensorId}&sensor_id=${otherSensorId}`]) {
        const res = await sse(query);
        expect(res.status, query).toBe(404);
        bodies.push((JSON.parse(await res.body()) as { error: { code: string; message: string } }).error);
      }
      expect(new Set(bodies.map((b) => `${b.code} ${b.message}`)).size).toBe(1);
    });

    it("answers 404 to a signed-in user who is not a member of the run's project", async () => {
      const runId = await makeRun();
      const res = await openSse(`${server.url}?run_id=${runId}`, { cookie: await sessionCookie(db.db, outsider.id) });
      expect(res.status).toBe(404);
      expect((await openSse(`${server.url}?run_id=${runId}`, { cookie: viewerCookie })).status).toBe(200);
    });

    it.each([
      ["no target", "", "run_id"],
      ["a malformed id", "run_id=nope", "run_id.0"],
      ["too many targets", Array.from({ length: 21 }, () => `sensor_id=${randomUUID()}`).join("&"), "sensor_id"],
      ["a malformed cursor", "since=garbage&sensor_id=SENSOR", "since"],
    ])("answers 400 with field detail for %s", async (_, query, field) => {
      const res = await sse(query.replace("SENSOR", sensorId));
      expect(res.status).toBe(400);
      const body = JSON.parse(await res.body()) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } };
      expect(body.error.code).toBe("BAD_INPUT");
      expect(Object.keys(body.error.details.fieldErrors)).toContain(field);
    });

    it("answers 405 to anything but GET", async () => {
      const res = await fetch(`${server.url}?sensor_id=${sensorId}`, { method: "POST", headers: { cookie: viewerCookie } });
      expect([res.status, res.headers.get("allow")]).toEqual([405, "GET"]);
    });

    it("answers 400 for a malformed Last-Event-ID header", async () => {
      expect((await sse(`sensor_id=${sensorId}`, { "last-event-id": "x-1" })).status).toBe(400);
    });
  });

  it("streams a sensor's readings in the documented SSE format with proxy-safe headers", async () => {
    const client = await sse(`sensor_id=${sensorId}`, { "x-request-id": "stream-test-0001" });
    expect(client.status).toBe(200);
    expect(client.headers).toMatchObject({ "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-accel-buffering": "no", "x-request-id": "stream-test-0001" });
    await ready(client);
    const { toSeq } = await writeReadings(db.db, { sensorId }, [{ time: "2026-01-01T00:00:00.123456Z", rawValue: 1.2, value: 3.4 }]);
    await client.waitFor((c) => telemetryOf(c).length === 1);
    const event = client.events.find((e) => e.event === "telemetry")!;
    expect(JSON.parse(event.data)).toEqual({ sensor_id: sensorId, readings: [{ timestamp: "2026-01-01T00:00:00.123456Z", raw_value: 1.2, value: 3.4 }] });
    expect(event.data).toBe(`{"sensor_id":"${sensorId}","readings":[{"timestamp":"2026-01-01T00:00:00.123456Z","raw_value":1.2,"value":3.4}]}`);
    expect(event.id).toBe(encodeCursor(new Map([[sensorId, toSeq]])));
  });

  it("delivers only the run's readings on a run stream, including a sensor that starts after the stream opened", async () => {
    const runId = await makeRun();
    const otherRun = await makeRun();
    const late = await makeSensor();
    const client = await sse(`run_id=${runId}`);
    await ready(client);
    await writeReadings(db.db, { sensorId, runId: otherRun }, readingsFrom(t0 + 10_000, 3, 100));
    await writeReadings(db.db, { sensorId, runId }, readingsFrom(t0 + 20_000, 2, 200));
    await writeReadings(db.db, { sensorId: late, runId }, readingsFrom(t0 + 20_000, 2, 300));
    await client.waitFor((c) => rawValuesOf(c).length >= 4);
    expect(rawValuesOf(client, sensorId)).toEqual([200, 201]);
    expect(rawValuesOf(client, late)).toEqual([300, 301]);
    expect([...decodeCursor(client.lastEventId!).keys()].sort()).toEqual([sensorId, late].sort());
  });

  it("sends status events for the run and its capture sessions", async () => {
    const runId = await makeRun();
    const client = await sse(`run_id=${runId}`);
    await ready(client);
    const as = callerFor(db.db, owner);
    const session = await as.captureSession.start({ projectId, runId });
    await as.captureSession.stop({ projectId, id: session.id });
    await as.run.complete({ projectId, id: runId });
    await client.waitFor((c) => c.events.filter((e) => e.event === "status").length === 3);
    expect(client.events.filter((e) => e.event === "status").map((e) => JSON.parse(e.data))).toEqual([
      { kind: "capture_session", id: session.id, run_id: runId, status: "running" },
      { kind: "capture_session", id: session.id, run_id: runId, status: "stopped" },
      { kind: "run", id: runId, run_id: runId, status: "succeeded" },
    ]);
    const unrelated = await sse(`sensor_id=${sensorId}`);
    await ready(unrelated);
    await as.captureSession.start({ projectId, runId: await makeRun() });
    expect(unrelated.events.filter((e) => e.event === "status")).toEqual([]);
  });

  it("sends a ping comment on the configured interval", async () => {
    const client = await sse(`sensor_id=${sensorId}`);
    await client.waitFor((c) => c.comments.filter((x) => x === "ping").length >= 2, 2_000);
  });

  it("resumes over a forced disconnect with Last-Event-ID: what committed meanwhile arrives exactly once", async () => {
    const sensor = await makeSensor();
    const first = await sse(`sensor_id=${sensor}`);
    await ready(first);
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 5, 0));
    await first.waitFor((c) => rawValuesOf(c).length === 5);
    first.close();
    // 23 readings in three commits while disconnected: more than three replay pages of 7.
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 10, 5));
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 6, 15));
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 7, 21));
    const second = await sse(`sensor_id=${sensor}`, { "last-event-id": first.lastEventId! });
    // Commits racing the replay: buffered, then flushed past what the replay already sent.
    await Promise.all(Array.from({ length: 5 }, (_, i) => writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 1, 28 + i))));
    await second.waitFor((c) => rawValuesOf(c).length >= 28);
    await new Promise((r) => setTimeout(r, 200));
    const all = [...rawValuesOf(first), ...rawValuesOf(second)];
    // The five racing commits took their seqs in commit order, not in the order of their values.
    expect([...all.slice(0, 28), ...all.slice(28).sort((a, b) => a - b)]).toEqual(Array.from({ length: 33 }, (_, i) => i));
    const seqs = decodeCursor(second.lastEventId!).get(sensor);
    expect(seqs).toBe(33);
  });

  it("on resume, replays a sensor that joined the run's session while the client was away", async () => {
    const runId = await makeRun();
    const as = callerFor(db.db, owner);
    await as.runSensor.set({ projectId, runId, sensorIds: [sensorId] });
    const session = await as.captureSession.start({ projectId, runId });
    const client = await sse(`run_id=${runId}`);
    await ready(client);
    client.close();
    const joined = await makeSensor();
    await as.runSensor.set({ projectId, runId, sensorIds: [sensorId, joined] });
    await writeReadings(db.db, { sensorId: joined, runId, captureSessionId: session.id }, readingsFrom(t0 + 30_000, 4, 400));
    const again = await sse(`run_id=${runId}`, { "last-event-id": client.lastEventId! });
    await again.waitFor((c) => rawValuesOf(c, joined).length >= 4);
    await new Promise((r) => setTimeout(r, 200));
    expect(rawValuesOf(again, joined)).toEqual([400, 401, 402, 403]);
    await as.captureSession.stop({ projectId, id: session.id });
  });

  it("resumes with ?since= the same way, and starts live without a cursor", async () => {
    const sensor = await makeSensor();
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 3, 0));
    const live = await sse(`sensor_id=${sensor}`);
    await ready(live);
    await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 2, 3));
    await live.waitFor((c) => rawValuesOf(c).length === 2);
    expect(rawValuesOf(live)).toEqual([3, 4]);
    const since = encodeCursor(new Map([[sensor, 1]]));
    const resumed = await sse(`sensor_id=${sensor}&since=${since}`);
    await ready(resumed);
    expect(rawValuesOf(resumed)).toEqual([1, 2, 3, 4]);
  });

  it("drops a client that stops reading once its socket buffer passes the bound, instead of buffering without limit", async () => {
    const slowServer = await startStreamServer(db, { maxBufferedBytes: 256 * 1024 });
    try {
      const sensor = await makeSensor();
      const slow = await openSse(`${slowServer.url}?sensor_id=${sensor}`, { cookie: viewerCookie });
      await slow.waitFor((c) => c.events.some((e) => e.event === "ready"));
      slow.pause();
      let dropped = false;
      void slow.ended.then(() => (dropped = true));
      for (let batch = 0; batch < 60 && slowServer.stream.hub.size > 0; batch++) {
        await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0 + batch * 10_000, 5_000));
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(slowServer.stream.hub.size).toBe(0);
      slow.resume();
      await slow.waitFor(() => dropped, 10_000);
    } finally {
      await slowServer.close();
    }
  });

  it("sends rows seen by both the replay and the hub once, and flushes rows committed after the replay", async () => {
    const sensor = await makeSensor();
    const racing = await startStreamServer(db, {
      onPhase: async (phase) => {
        // "subscribed": 10..12 reach the buffer AND the replay; "replayed": 13..15 reach only the buffer.
        await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 3, phase === "subscribed" ? 10 : 13));
        await new Promise((r) => setTimeout(r, 300)); // the hub reads the range and hands it to the buffering subscriber
      },
    });
    try {
      await writeReadings(db.db, { sensorId: sensor }, readingsFrom(t0, 10, 0));
      const client = await openSse(`${racing.url}?sensor_id=${sensor}&since=${encodeCursor(new Map([[sensor, 4]]))}`, { cookie: viewerCookie });
      await client.waitFor((c) => rawValuesOf(c).length >= 12);
      await new Promise((r) => setTimeout(r, 200));
      expect(rawValuesOf(client)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      expect(client.events.map((e) => e.event)).toEqual(["telemetry", "ready", "telemetry"]);
      client.close();
    } finally {
      await racing.close();
    }
  });
});
