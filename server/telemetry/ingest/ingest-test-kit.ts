// Shared set-up of the ingest integration tests: the real node:http handler on an ephemeral port over a test database,
// a project with sensors made through the sensor service, and runs / sessions inserted directly.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { captureSessionSensors, captureSessions, experiments, runs } from "../../../db/schema";
import type { RunStatus } from "../../../domain/run/status";
import type { CaptureSessionStatus } from "../../../domain/capture-session/status";
import type { TestDatabase } from "../../../test/db";
import { callerFor, makeProject, makeUser } from "../../../test/factories";
import type { SessionUser } from "../../auth/session-user";
import { createIngestHandler, type IngestHandler } from "./handler";
import type { IngestLimits } from "./limits";

export interface PostOptions {
  token?: string | null;
  headers?: Record<string, string>;
  gzip?: boolean;
  raw?: string | Buffer;
}

export interface IngestResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };
}

export async function startIngestServer(db: TestDatabase, limits: IngestLimits) {
  const handler: IngestHandler = createIngestHandler({ getDb: () => db.db, getSql: () => db.sql }, limits);
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/telemetry`;

  async function post(body: unknown, options: PostOptions = {}): Promise<IngestResponse> {
    const json = options.raw ?? JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.gzip) headers["content-encoding"] = "gzip";
    const payload: string | Uint8Array<ArrayBuffer> = options.gzip ? Uint8Array.from(gzipSync(json)) : typeof json === "string" ? json : Uint8Array.from(json);
    const res = await fetch(url, { method: "POST", headers, body: payload });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  }

  async function close() {
    await handler.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { url, post, close, handler };
}

export async function makeSensorWorld(db: TestDatabase) {
  const owner: SessionUser = await makeUser(db.db);
  const project = await makeProject(db.db, owner);
  const foreignProject = await makeProject(db.db, owner);
  const [experiment] = await db.db.insert(experiments).values({ projectId: project.id, name: "E" }).returning();
  const [foreignExperiment] = await db.db.insert(experiments).values({ projectId: foreignProject.id, name: "F" }).returning();
  const caller = callerFor(db.db, owner);

  async function makeSensor(conversion?: Parameters<typeof caller.sensor.create>[0]["conversion"]) {
    const { sensor, token } = await caller.sensor.create({ projectId: project.id, name: `S ${Math.random()}`, unit: "°C", rawUnit: "mV", conversion });
    return { id: sensor.id, token };
  }

  async function makeRun(status: RunStatus = "running", foreign = false) {
    const [row] = await db.db
      .insert(runs)
      .values({ projectId: foreign ? foreignProject.id : project.id, experimentId: (foreign ? foreignExperiment : experiment)!.id, name: "R", status })
      .returning();
    return row!.id;
  }

  /** A session of a new run; with `recordingSensorId`, that sensor records into it. */
  async function makeSession(opts: { runStatus?: RunStatus; status?: CaptureSessionStatus; foreign?: boolean; recordingSensorId?: string } = {}) {
    const runId = await makeRun(opts.runStatus ?? "running", opts.foreign);
    const [session] = await db.db
      .insert(captureSessions)
      .values({ projectId: opts.foreign ? foreignProject.id : project.id, runId, ordinalNumber: 1, status: opts.status ?? "running" })
      .returning();
    if (opts.recordingSensorId) {
      await db.db.insert(captureSessionSensors).values({ captureSessionId: session!.id, sensorId: opts.recordingSensorId, runId, recording: true });
    }
    return { runId, sessionId: session!.id };
  }

  return { owner, project, foreignProject, caller, makeSensor, makeRun, makeSession };
}

export const DEFAULT_TEST_LIMITS: IngestLimits = {
  maxBodyBytes: 1024 * 1024,
  maxDecompressedBytes: 2 * 1024 * 1024,
  ratePerSecond: 1000,
  burstPerTenSeconds: 2000,
};

/** n readings one second apart ending a minute ago, raw values 0..n-1. */
export function readingsAt(n: number, startMs = Date.now() - 60_000 - n * 1000) {
  return Array.from({ length: n }, (_, i) => ({ timestamp: new Date(startMs + i * 1000).toISOString(), raw_value: i }));
}
