// telemetry.series / telemetry.overlay through the router on real PostgreSQL: which sensors are charted, downsampling
// that keeps a one-sample spike, zoom, session scope, overlays aligned at session start, and access rules.
import { beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "../../../db/queries/telemetry-rollup";
import { sqlRunner } from "../../../db/queries/telemetry-read";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { trpcErrorOf } from "../../../test/helpers";
import { insertReadings, insertRun, insertSensor, waveReadings } from "../../../test/telemetry-read-fixture";
import type { SessionUser } from "../../auth/session-user";

const START = Date.parse("2026-03-01T10:00:00Z");
const DENSE = 20_000; // every 100 ms in two sessions of 1,000 s
const SPIKE = 14_321;

describe("telemetry router", () => {
  const db = useTestDatabase();
  let owner: SessionUser;
  let viewer: SessionUser;
  let projectId: string;
  let otherProjectId: string;
  let runId: string;
  let sessionIds: string[];
  let otherSessionId: string;
  const sensors: Record<string, string> = {};

  beforeAll(async () => {
    const runner = sqlRunner(db.db);
    owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    otherProjectId = (await makeProject(db.db, owner)).id;
    ({ runId, sessionIds } = await insertRun(runner, projectId, {
      startedMs: START,
      finishedMs: START + 2000_000,
      sessions: [{ startMs: START, endMs: START + 1000_000 }, { startMs: START + 1000_000, endMs: START + 2000_000 }],
    }));
    sensors.dense = await insertSensor(runner, projectId, "a-dense", "°C", runId);
    sensors.listed = await insertSensor(runner, projectId, "b-listed-no-data", "bar", runId);
    sensors.removed = await insertSensor(runner, projectId, "c-removed-from-run", "V");
    const wave = waveReadings(START, DENSE, 100, SPIKE);
    for (let k = 0; k < DENSE; k += 5000) {
      const sessionId = sessionIds[k < DENSE / 2 ? 0 : 1]!;
      await insertReadings(runner, { sensorId: sensors.dense, runId, sessionId, readings: wave.slice(k, k + 5000) });
    }
    await refreshRollups(db.db, sensors.dense, new Date(START), new Date(START + DENSE * 100));
    await insertReadings(runner, { sensorId: sensors.removed, runId, sessionId: sessionIds[1]!, readings: waveReadings(START + 1000_000, 30, 1000) });
    const other = await insertRun(runner, otherProjectId, { startedMs: START, sessions: [{ startMs: START, endMs: null }] });
    otherSessionId = other.sessionIds[0]!;
    const stranger = await insertSensor(runner, otherProjectId, "stranger", "°C", other.runId);
    await insertReadings(runner, { sensorId: stranger, runId: other.runId, sessionId: otherSessionId, readings: waveReadings(START, 10, 1000) });
  });

  it("charts every sensor of the run, including one removed from it that has data, with the spike kept", async () => {
    const result = await callerFor(db.db, viewer).telemetry.series({ projectId, runId });
    expect(result.window).toEqual({ fromMs: START, toMs: START + 2000_000 });
    expect(result.originMs).toBe(START);
    expect(result.sessions.map((s) => s.ordinalNumber)).toEqual([1, 2]);
    expect(result.series.map((s) => s.name)).toEqual(["a-dense", "b-listed-no-data", "c-removed-from-run"]);
    const [dense, listed, removed] = result.series;
    expect(dense).toMatchObject({ unit: "°C", source: "rollup", bucketMs: 1000 });
    expect(dense!.points.length).toBeLessThanOrEqual(2001);
    expect(dense!.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE);
    const spike = waveReadings(START, DENSE, 100, SPIKE)[SPIKE]!;
    expect(Math.max(...dense!.points.map((p) => p.max))).toBe(spike[1] * 2);
    expect(listed!.points).toEqual([]);
    expect(removed).toMatchObject({ source: "points", unit: "V" });
    expect(removed!.points).toHaveLength(30);
  });

  it("zooms: a narrow range comes back at raw resolution, spike included", async () => {
    const at = START + SPIKE * 100;
    const result = await callerFor(db.db, owner).telemetry.series({ projectId, runId, from: new Date(at - 5_000), to: new Date(at + 5_000), sensorIds: [sensors.dense!] });
    expect(result.range).toEqual({ fromMs: at - 5_000, toMs: at + 5_000 });
    expect(result.series).toHaveLength(1);
    expect(result.series[0]!.source).toBe("points");
    expect(result.series[0]!.points).toHaveLength(100);
    expect(result.series[0]!.points.find((p) => p.t === at)?.max).toBe(waveReadings(START, DENSE, 100, SPIKE)[SPIKE]![1] * 2);
  });

  it("reads one capture session: its readings and window only", async () => {
    const result = await callerFor(db.db, viewer).telemetry.series({ projectId, captureSessionId: sessionIds[0]!, buckets: 500 });
    expect(result.window).toEqual({ fromMs: START, toMs: START + 1000_000 });
    const dense = result.series.find((s) => s.sensorId === sensors.dense)!;
    expect(dense.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE / 2);
    // The sensor removed from the run recorded only in session 2, so session 1 does not chart it.
    expect(result.series.map((s) => s.name)).toEqual(["a-dense", "b-listed-no-data"]);
  });

  it("overlays sessions aligned at their start", async () => {
    const result = await callerFor(db.db, viewer).telemetry.overlay({ projectId, captureSessionIds: sessionIds, buckets: 100 });
    expect(result).toMatchObject({ fromOffsetMs: 0, toOffsetMs: 1000_000 });
    const dense = result.series.filter((s) => s.sensorId === sensors.dense);
    expect(dense.map((s) => s.captureSessionId)).toEqual(sessionIds);
    for (const s of dense) {
      expect(s.bucketMs).toBe(10_000);
      expect(s.points[0]!.offsetMs).toBe(0);
      expect(s.points.at(-1)!.offsetMs).toBeLessThan(1000_000);
      expect(s.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE / 2);
    }
  });

  it("overlays sessions of two runs of the project (the compare page), each aligned at its own start", async () => {
    const runner = sqlRunner(db.db);
    const later = START + 86_400_000;
    const second = await insertRun(runner, projectId, { startedMs: later, finishedMs: later + 60_000, sessions: [{ startMs: later, endMs: later + 60_000 }] });
    await insertReadings(runner, { sensorId: sensors.dense!, runId: second.runId, sessionId: second.sessionIds[0]!, readings: waveReadings(later, 60, 1000) });
    const result = await callerFor(db.db, viewer).telemetry.overlay({ projectId, captureSessionIds: [sessionIds[0]!, second.sessionIds[0]!], sensorIds: [sensors.dense!], buckets: 100 });
    const [first, other] = result.series;
    expect(first!.captureSessionId).toBe(sessionIds[0]);
    expect(other!.captureSessionId).toBe(second.sessionIds[0]);
    expect(other!.points[0]!.offsetMs).toBe(0);
    expect(other!.points.reduce((n, p) => n + p.count, 0)).toBe(60);
    expect(first!.points.reduce((n, p) => n + p.count, 0)).toBe(DENSE / 2);
  });

  it("keeps what a sensor sent between, before and after the run's sessions out of the run's chart at every zoom", async () => {
    const runner = sqlRunner(db.db);
    const T = START + 10 * 86_400_000;
    const run = await insertRun(runner, projectId, {
      startedMs: T - 50_000,
      finishedMs: T + 350_000,
      sessions: [{ startMs: T, endMs: T + 100_000 }, { startMs: T + 200_000, endMs: T + 300_000 }],
    });
    const sensor = await insertSensor(runner, projectId, "streams-all-day", "°C", run.runId);
    // Every 100 ms from 50 s before the run to 50 s after it; only what falls in a session belongs to the run.
    const all = waveReadings(T - 100_000, 5_500, 100);
    const inSession = (t: number) => (t >= T && t < T + 100_000 ? 0 : t >= T + 200_000 && t < T + 300_000 ? 1 : -1);
    for (let k = 0; k < all.length; k += 500) {
      for (const part of [0, 1, -1]) {
        const readings = all.slice(k, k + 500).filter(([t]) => inSession(t) === part);
        if (readings.length === 0) continue;
        await insertReadings(runner, { sensorId: sensor, runId: part < 0 ? null : run.runId, sessionId: part < 0 ? null : run.sessionIds[part]!, readings });
      }
    }
    await refreshRollups(db.db, sensor, new Date(T - 100_000), new Date(T + 500_000));
    const counted = (points: { count: number }[]) => points.reduce((n, p) => n + p.count, 0);

    const whole = (await callerFor(db.db, viewer).telemetry.series({ projectId, runId: run.runId, buckets: 100 })).series[0]!;
    expect(whole).toMatchObject({ sensorId: sensor, source: "rollup", bucketMs: 4000 });
    expect(counted(whole.points)).toBe(2_000);
    expect(whole.points.every((p) => (p.t >= T && p.t < T + 100_000) || (p.t >= T + 200_000 && p.t < T + 300_000))).toBe(true);
    // Zoomed into the gap and across a session's end: raw readings, the run's only.
    const gap = await callerFor(db.db, viewer).telemetry.series({ projectId, runId: run.runId, from: new Date(T + 120_000), to: new Date(T + 180_000), buckets: 100 });
    expect(counted(gap.series[0]!.points)).toBe(0);
    const edge = await callerFor(db.db, viewer).telemetry.series({ projectId, runId: run.runId, from: new Date(T + 90_000), to: new Date(T + 110_000), buckets: 100 });
    expect(counted(edge.series[0]!.points)).toBe(100);
    // A session's own chart is unchanged: its window holds only its readings.
    const session = (await callerFor(db.db, viewer).telemetry.series({ projectId, captureSessionId: run.sessionIds[1]!, buckets: 50 })).series[0]!;
    expect(counted(session.points)).toBe(1_000);
  });

  it("answers NOT_FOUND for another project's run or session, and for a project you are not in", async () => {
    const caller = callerFor(db.db, owner);
    const otherRun = await trpcErrorOf(caller.telemetry.series({ projectId: otherProjectId, runId }));
    expect(otherRun.code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(caller.telemetry.series({ projectId, captureSessionId: otherSessionId }))).code).toBe("NOT_FOUND");
    expect((await trpcErrorOf(caller.telemetry.overlay({ projectId, captureSessionIds: [sessionIds[0]!, otherSessionId] }))).code).toBe("NOT_FOUND");
    const outsider = await makeUser(db.db);
    expect((await trpcErrorOf(callerFor(db.db, outsider).telemetry.series({ projectId, runId }))).code).toBe("NOT_FOUND");
  });

  it("rejects bad input: both scopes, neither, too many buckets, one overlay session", async () => {
    const caller = callerFor(db.db, viewer);
    expect((await trpcErrorOf(caller.telemetry.series({ projectId, runId, captureSessionId: sessionIds[0]! }))).code).toBe("BAD_REQUEST");
    expect((await trpcErrorOf(caller.telemetry.series({ projectId }))).code).toBe("BAD_REQUEST");
    expect((await trpcErrorOf(caller.telemetry.series({ projectId, runId, buckets: 5001 }))).code).toBe("BAD_REQUEST");
    expect((await trpcErrorOf(caller.telemetry.overlay({ projectId, captureSessionIds: [sessionIds[0]!] }))).code).toBe("BAD_REQUEST");
    expect((await trpcErrorOf(callerFor(db.db, null).telemetry.series({ projectId, runId }))).code).toBe("UNAUTHORIZED");
  });
});
