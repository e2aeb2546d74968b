// CSV backfill through the real node:http route table: session cookies and roles, project isolation, the same receipts
// and late-data policy as sensor ingest (rejections named by CSV line, duplicates on re-upload, archived runs refused),
// 10,000-reading chunks, and the 400/401/403/415/422 answers.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findUserById } from "../../../db/queries/users";
import { captureSessions, experiments, runs, telemetryBatches } from "../../../db/schema";
import type { RunStatus } from "../../../domain/run/status";
import { useTestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import { auditRowsForAction } from "../../../test/helpers";
import type { SessionUser } from "../../auth/session-user";
import { createV1Routes } from "../../http/routes";

const SECRET = "import-test-secret-0123456789abcdef0123";
const COOKIE = "authjs.session-token";

describe("POST /api/v1/telemetry/import", () => {
  const db = useTestDatabase();
  let routes: ReturnType<typeof createV1Routes>;
  let server: http.Server;
  let base = "";
  let owner: SessionUser, viewer: SessionUser, outsider: SessionUser;
  let projectId: string, foreignProjectId: string, experimentId: string, sensorId: string, foreignSensorId: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    routes = createV1Routes({ getDb: () => db.db, getSql: () => db.sql });
    server = http.createServer((req, res) => {
      if (!routes.dispatch(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (!address || typeof address === "string") throw new Error("no TCP address");
    base = `http://127.0.0.1:${address.port}`;

    [owner, viewer, outsider] = [await makeUser(db.db), await makeUser(db.db), await makeUser(db.db)];
    projectId = (await makeProject(db.db, owner, [{ user: viewer, role: "viewer" }])).id;
    foreignProjectId = (await makeProject(db.db, outsider)).id;
    const [exp] = await db.db.insert(experiments).values({ projectId, name: "Backfill" }).returning();
    experimentId = exp!.id;
    const create = (project: string, user: SessionUser) =>
      callerFor(db.db, user).sensor.create({ projectId: project, name: `S ${randomUUID().slice(0, 6)}`, unit: "°C", rawUnit: "mV", conversion: { kind: "linear", gain: 2, offset: 0 } });
    sensorId = (await create(projectId, owner)).sensor.id;
    foreignSensorId = (await create(foreignProjectId, outsider)).sensor.id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await routes.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function cookieOf(user: SessionUser): Promise<string> {
    const cached = cookies.get(user.id);
    if (cached) return cached;
    const row = await findUserById(db.db, user.id);
    const cookie = `${COOKIE}=${await encode({ token: { uid: user.id, sv: row?.sessionVersion }, secret: SECRET, salt: COOKIE })}`;
    cookies.set(user.id, cookie);
    return cookie;
  }

  async function makeRun(status: RunStatus = "running", project = projectId) {
    const experiment = project === projectId ? experimentId : (await db.db.insert(experiments).values({ projectId: project, name: "E" }).returning())[0]!.id;
    const [run] = await db.db.insert(runs).values({ projectId: project, experimentId: experiment, name: "R", status }).returning();
    const [session] = await db.db.insert(captureSessions).values({ projectId: project, runId: run!.id, ordinalNumber: 1, status: "stopped" }).returning();
    return { runId: run!.id, sessionId: session!.id };
  }

  interface UploadOptions {
    user?: SessionUser | null;
    query?: Record<string, string>;
    headers?: Record<string, string>;
  }
  async function upload(csv: string, { user = owner, query = {}, headers = {} }: UploadOptions = {}) {
    const params = new URLSearchParams({ project_id: projectId, sensor_id: sensorId, ...query });
    const res = await fetch(`${base}/api/v1/telemetry/import?${params}`, {
      method: "POST",
      headers: { "content-type": "text/csv", "sec-fetch-site": "same-origin", ...(user ? { cookie: await cookieOf(user) } : {}), ...headers },
      body: csv,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } } };
  }

  const readingsIn = (runId: string) =>
    db.sql<{ raw: number; value: number; late: boolean; session: string | null; meta: Record<string, string> | null }[]>`
      select raw_value as raw, value, late, capture_session_id as session, meta from telemetry_readings where run_id = ${runId} order by time`;

  const CSV = [
    "timestamp,raw_value,operator",
    "2026-02-01T10:00:00Z,1.5,ada",
    "2026-02-01T10:00:01Z,2,",
    "2026-02-01T10:00:02Z,abc,ada",
    String(Date.parse("2026-02-01T10:00:03Z")) + ",4,bob",
  ].join("\r\n");

  it("imports into a session with per-line receipts, meta columns, converted values, a csv batch and an audit event", async () => {
    const { runId, sessionId } = await makeRun();
    const { status, body } = await upload(CSV, { query: { capture_session_id: sessionId } });
    expect(status).toBe(200);
    expect(body).toEqual({
      lines: 4, accepted: 3, duplicates: 0, run_id: runId, capture_session_id: sessionId,
      rejected: [{ line: 4, code: "invalid_value", message: expect.stringContaining("raw_value") }],
    });
    // The session has stopped, so backfill into it is late data, exactly as a sensor's late batch would be.
    expect(await readingsIn(runId)).toEqual([
      { raw: 1.5, value: 3, late: true, session: sessionId, meta: { operator: "ada" } },
      { raw: 2, value: 4, late: true, session: sessionId, meta: null },
      { raw: 4, value: 8, late: true, session: sessionId, meta: { operator: "bob" } },
    ]);
    const batches = await db.db.select().from(telemetryBatches).where(eq(telemetryBatches.captureSessionId, sessionId));
    expect(batches.map((b) => [b.source, b.accepted, b.rejected])).toEqual([["csv", 3, 1]]);
    const audit = await auditRowsForAction(db.db, "telemetry.csv_imported", sensorId);
    expect(audit.at(-1)).toMatchObject({ projectId, actorId: owner.id, after: { accepted: 3, rejected: 1, lines: 4, capture_session_id: sessionId } });

    const again = await upload(CSV, { query: { capture_session_id: sessionId } });
    expect([again.status, again.body.accepted, again.body.duplicates]).toEqual([200, 0, 3]);
    expect(await readingsIn(runId)).toHaveLength(3);
  });

  it("accepts a finished run's backfill as late data and refuses an archived run with 409 run_archived", async () => {
    const done = await makeRun("succeeded");
    const csv = "timestamp,raw_value\n2026-02-02T10:00:00Z,1\n";
    expect((await upload(csv, { query: { run_id: done.runId } })).status).toBe(200);
    expect(await readingsIn(done.runId)).toEqual([expect.objectContaining({ late: true, session: null })]);

    const archived = await makeRun("archived");
    const { status, body } = await upload(csv, { query: { run_id: archived.runId } });
    expect([status, body.error?.code]).toEqual([409, "run_archived"]);
    expect(await readingsIn(archived.runId)).toEqual([]);
  });

  it("splits large files into 10,000-reading chunks and still names the right line", async () => {
    const { runId } = await makeRun();
    const start = Date.parse("2026-02-03T00:00:00Z");
    const lines = Array.from({ length: 10_003 }, (_, i) => `${start + i * 10},${i === 10_001 ? "NaN" : i}`);
    const { status, body } = await upload(["timestamp,raw_value", ...lines].join("\n"), { query: { run_id: runId } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ lines: 10_003, accepted: 10_002, duplicates: 0, rejected: [{ line: 10_003, code: "invalid_value" }] });
    expect(await db.db.select().from(telemetryBatches).where(eq(telemetryBatches.runId, runId))).toHaveLength(2);
  });

  it("answers 403 to viewers and 404 to outsiders, other projects' sensors and runs", async () => {
    const { runId } = await makeRun();
    const foreign = await makeRun("running", foreignProjectId);
    const csv = "timestamp,raw_value\n2026-02-04T10:00:00Z,1\n";
    const cases: [UploadOptions, number][] = [
      [{ user: viewer, query: { run_id: runId } }, 403],
      [{ user: outsider, query: { run_id: runId } }, 404],
      [{ query: { run_id: runId, sensor_id: foreignSensorId } }, 404],
      [{ query: { run_id: foreign.runId } }, 404],
      [{ query: { capture_session_id: foreign.sessionId } }, 404],
      [{ user: null, query: { run_id: runId } }, 401],
    ];
    for (const [options, expected] of cases) expect([options, (await upload(csv, options)).status]).toEqual([options, expected]);
    expect(await readingsIn(runId)).toEqual([]);
  });

  it("answers 400 for bad files and queries, 415 for other content types, 403 cross-site and 422 when every line is rejected", async () => {
    const { runId } = await makeRun();
    const query = { run_id: runId };
    const bad = async (csv: string, options: UploadOptions = { query }) => {
      const { status, body } = await upload(csv, options);
      return [status, body.error?.message];
    };
    expect(await bad("")).toEqual([400, expect.stringContaining("empty")]);
    expect(await bad("timestamp,value\n2026-02-05T10:00:00Z,1\n")).toEqual([400, expect.stringContaining("raw_value")]);
    expect(await bad("timestamp,raw_value\n")).toEqual([400, "The CSV file has a header but no readings."]);
    expect(await bad('timestamp,raw_value\n"2026-02-05T10:00:00Z,1\n')).toEqual([400, expect.stringContaining("cannot be parsed")]);
    expect((await upload("timestamp,raw_value\n1,1\n", { query: {} })).status).toBe(400);
    expect((await upload("timestamp,raw_value\n1,1\n", { query, headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await upload("timestamp,raw_value\n1,1\n", { query, headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);

    const rejected = await upload("timestamp,raw_value\nyesterday,1\n2026-02-05T10:00:00Z,\n", { query });
    expect([rejected.status, rejected.body.error?.details?.receipt]).toEqual([
      422,
      expect.objectContaining({ accepted: 0, rejected: [expect.objectContaining({ line: 2, code: "invalid_timestamp" }), expect.objectContaining({ line: 3, code: "invalid_value" })] }),
    ]);
  });
});
