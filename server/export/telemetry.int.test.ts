// The telemetry CSV export end to end through its handler: contents and order across keyset pages, session scope,
// microsecond timestamps, and the access answers (401 signed out, 404 for another project's run, 400 bad query).
import { parse } from "csv-parse/sync";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sqlRunner } from "../../db/queries/telemetry-read";
import { findUserById } from "../../db/queries/users";
import { useTestDatabase } from "../../test/db";
import { makeProject, makeUser } from "../../test/factories";
import { insertReadings, insertRun, insertSensor } from "../../test/telemetry-read-fixture";
import type { SessionUser } from "../auth/session-user";
import { handleTelemetryExport, TELEMETRY_COLUMNS, telemetryCsvRows } from "./telemetry";

const SECRET = "telemetry-export-test-secret-0123456789";
const COOKIE = "authjs.session-token";
const START = Date.parse("2026-02-01T08:00:00Z");

describe("telemetry CSV export", () => {
  const db = useTestDatabase();
  let viewer: SessionUser;
  let projectId: string;
  let otherProjectId: string;
  let runId: string;
  let sessionIds: string[];
  let otherRunId: string;

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    const runner = sqlRunner(db.db);
    const owner = await makeUser(db.db);
    viewer = await makeUser(db.db);
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    otherProjectId = (await makeProject(db.db, owner)).id;
    ({ runId, sessionIds } = await insertRun(runner, projectId, {
      startedMs: START,
      sessions: [{ startMs: START, endMs: START + 60_000 }, { startMs: START + 60_000, endMs: null }],
    }));
    const a = await insertSensor(runner, projectId, 'temp, "inner"', "°C", runId);
    const b = await insertSensor(runner, projectId, "pressure", "bar", runId);
    for (const [sensorId, offset] of [[a, 0], [b, 1]] as const) {
      const readings = Array.from({ length: 100 }, (_, i): [number, number] => [START + i * 1000 + offset, i]);
      await insertReadings(runner, { sensorId, runId, sessionId: sessionIds[0]!, readings: readings.slice(0, 60) });
      await insertReadings(runner, { sensorId, runId, sessionId: sessionIds[1]!, readings: readings.slice(60) });
    }
    otherRunId = (await insertRun(runner, otherProjectId, { startedMs: START, sessions: [] })).runId;
  });
  afterAll(() => vi.unstubAllEnvs());

  async function cookieOf(user: SessionUser): Promise<string> {
    const row = await findUserById(db.db, user.id);
    return `${COOKIE}=${await encode({ token: { uid: user.id, sv: row?.sessionVersion }, secret: SECRET, salt: COOKIE })}`;
  }

  async function get(query: string, user?: SessionUser) {
    const headers: Record<string, string> = user ? { cookie: await cookieOf(user) } : {};
    return handleTelemetryExport(new Request(`http://localhost/api/v1/export/telemetry?${query}`, { headers }), db.db);
  }

  it("streams a run's readings as CSV, oldest first, with physical values, units and profile versions", async () => {
    const res = await get(`project_id=${projectId}&run_id=${runId}`, viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="telemetry-.*\.csv"/);
    const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(TELEMETRY_COLUMNS);
    expect(records).toHaveLength(200);
    expect(records[0]).toMatchObject({ time: "2026-02-01T08:00:00.000000Z", sensor: 'temp, "inner"', raw_value: "0", value: "0", unit: "°C", profile_version: "1" });
    expect(records[1]).toMatchObject({ time: "2026-02-01T08:00:00.001000Z", sensor: "pressure", unit: "bar" });
    expect(records[199]).toMatchObject({ sensor: "pressure", raw_value: "99", value: "198" });
    const times = records.map((r) => r.time!);
    expect([...times].sort()).toEqual(times);
  });

  it("walks keyset pages without losing or repeating a row, and scopes to one session", async () => {
    const rows = [];
    for await (const row of telemetryCsvRows(db.db, { kind: "session", id: sessionIds[1]! }, 7)) rows.push(row);
    expect(rows).toHaveLength(80);
    expect(new Set(rows.map((r) => `${r.time}|${r.sensor_id}`)).size).toBe(80);
    expect(rows[0]).toMatchObject({ time: "2026-02-01T08:01:00.000000Z", raw_value: 60 });
  });

  it("never splits or repeats readings that share a timestamp across a page boundary", async () => {
    const runner = sqlRunner(db.db);
    const tied = await insertRun(runner, projectId, { startedMs: START, sessions: [] });
    const sensorIds = [];
    for (const name of ["t1", "t2", "t3"]) {
      const sensorId = await insertSensor(runner, projectId, name, "V", tied.runId);
      sensorIds.push(sensorId);
      await insertReadings(runner, { sensorId, runId: tied.runId, sessionId: null, readings: Array.from({ length: 10 }, (_, i): [number, number] => [START + i * 1000, i]) });
    }
    const rows = [];
    for await (const row of telemetryCsvRows(db.db, { kind: "run", id: tied.runId }, 4)) rows.push(row);
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => `${r.time}|${r.sensor_id}`)).size).toBe(30);
    const keys = rows.map((r) => `${r.time}|${r.sensor_id}`);
    expect([...keys].sort()).toEqual(keys);
  });

  it("answers 404 for another project's run, for a project you are not in, and 401 without a session", async () => {
    expect((await get(`project_id=${projectId}&run_id=${otherRunId}`, viewer)).status).toBe(404);
    expect((await get(`project_id=${otherProjectId}&run_id=${otherRunId}`, viewer)).status).toBe(404);
    const unauthenticated = await get(`project_id=${projectId}&run_id=${runId}`);
    expect(unauthenticated.status).toBe(401);
    expect(((await unauthenticated.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  });

  it("answers 400 for a query with both or neither scope", async () => {
    expect((await get(`project_id=${projectId}`, viewer)).status).toBe(400);
    expect((await get(`project_id=${projectId}&run_id=${runId}&capture_session_id=${sessionIds[0]}`, viewer)).status).toBe(400);
  });
});
