// `npm run bench:ingest`: in one run, (1) the raw PostgreSQL ceiling: COPY of 1,000-row batches from 4 connections
// (Nagle off, a reserved connection per COPY) into telemetry_readings, then (2) the ingest route on a v1-routes-only
// server (child process, no Next) driven at maximum throughput by 16 connections posting 1,000-reading batches, one
// sensor per connection, then (3) the route open loop at 50 % of the ceiling, evenly spaced, for honest latency.
// Prints {ceilingRowsPerSec, unnestRowsPerSec, routeReadingsPerSec, ratio, p95Ms, errors, tableRows, …}. Target: route
// ≥ 50 % of the ceiling, with p95 < 250 ms at that load. Uses a throwaway database that is dropped afterwards.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import postgres from "postgres";
import { createDb, type Db } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { insertReadings } from "../../db/queries/telemetry-write";
import { signUp } from "../../server/services/account";
import { create as createProject } from "../../server/services/project";
import { create as createSensor } from "../../server/services/sensor/records";
import { adminUrlFrom, recreateDatabase, withDatabase } from "../../test/pg-admin";
import { openLoop, percentile } from "./lib/open-loop";

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const BATCH = 1000;
const COPY_CONNECTIONS = 4;
const ROUTE_CONNECTIONS = 16;
const TARGET_RATIO = 0.5;
const TARGET_P95_MS = 250;
const log = (line: string) => console.error(`[bench] ${line}`);

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(".data/bench-pg"));
const adminUrl = embedded ? embedded.adminUrl : adminUrlFrom(process.env.DATABASE_URL!);
const dbName = `etp_bench_ingest_${randomBytes(4).toString("hex")}`;
await recreateDatabase(adminUrl, dbName);
const url = withDatabase(adminUrl, dbName);

/** postgres.js writes CopyData and CopyDone separately; with Nagle on, each COPY waits ~40 ms for a delayed ACK. */
function noDelaySocket(): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setNoDelay(true);
    socket.once("connect", () => resolve(socket)).once("error", reject);
  });
}

async function copyCeiling(sql: postgres.Sql): Promise<{ rowsPerSec: number; rows: number }> {
  const deadline = performance.now() + SECONDS * 1000;
  const base = Date.now() - 365 * 86_400_000;
  let rows = 0;
  const worker = async (w: number) => {
    const sensorId = randomUUID();
    for (let batch = 0; performance.now() < deadline; batch++) {
      const lines: string[] = [];
      for (let i = 0; i < BATCH; i++) {
        const seq = batch * BATCH + i + 1;
        const time = new Date(base + w * 1e9 + seq * 10).toISOString();
        lines.push(`${sensorId}\t${time}\t${time}\t${seq}\t${i}\t${i * 2}\t1\t\\N\t\\N\tf\t\\N\n`);
      }
      const reserved = await sql.reserve(); // a COPY never shares its connection (postgres.js trap 2)
      try {
        const stream = await reserved`copy telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, profile_version, run_id, capture_session_id, late, meta) from stdin`.writable();
        stream.end(lines.join(""));
        await once(stream, "finish");
      } finally {
        reserved.release();
      }
      const n = BATCH;
      rows += n;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: COPY_CONNECTIONS }, (_, w) => worker(w)));
  return { rowsPerSec: Math.round(rows / ((performance.now() - started) / 1000)), rows };
}

/** The same 4 × 1,000-row load through the route's own write statement (unnest insert, rollup, batch row), without HTTP. */
async function unnestCeiling(db: Db): Promise<number> {
  const deadline = performance.now() + SECONDS * 1000;
  const base = Date.now() - 300 * 86_400_000;
  let rows = 0;
  const worker = async (w: number) => {
    const sensorId = randomUUID();
    for (let batch = 0; performance.now() < deadline; batch++) {
      const times = Array.from({ length: BATCH }, (_, i) => base + w * 1e9 + (batch * BATCH + i) * 10);
      const raw = times.map((_, i) => i);
      const { inserted } = await insertReadings(db, {
        sensorId, firstSeq: batch * BATCH + 1, profileVersion: 1, runId: null, captureSessionId: null, late: false,
        times, deviceTimes: times, raw, values: raw.map((v) => v * 2), metas: raw.map(() => null),
      }, { sentAt: null, clockOffsetMs: null, duplicatesBeforeInsert: BATCH, rejected: [], source: "api", idempotencyKey: null });
      rows += inserted;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: COPY_CONNECTIONS }, (_, w) => worker(w)));
  return Math.round(rows / ((performance.now() - started) / 1000));
}

function post(agent: http.Agent, port: number, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: "127.0.0.1", port, path: "/api/v1/telemetry", method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

// Each sensor's readings move forward across runs (warm-up, measured run): a repeated timestamp would be a cheap no-op.
const timeCursor = Array.from({ length: ROUTE_CONNECTIONS }, (_, w) => Date.now() - 400 * 86_400_000 + w * 1e9);

function nextBody(w: number): string {
  const t = timeCursor[w]!;
  timeCursor[w] = t + BATCH * 10;
  const readings = Array.from({ length: BATCH }, (_, i) => ({ timestamp: t + i * 10, raw_value: Math.sin(i / 50) * 100 }));
  return JSON.stringify({ sent_at: Date.now(), readings });
}

/** Evenly spaced POSTs at a fixed rate (open loop): latency at the offered load, queueing included. */
async function routeAtRate(port: number, tokens: string[], ratePerSecond: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: ROUTE_CONNECTIONS });
  const result = await openLoop({
    ratePerSecond,
    durationSeconds: SECONDS,
    request: (i) => post(agent, port, tokens[i % ROUTE_CONNECTIONS]!, nextBody(i % ROUTE_CONNECTIONS)),
  });
  agent.destroy();
  return { ratePerSecond, readingsPerSec: ratePerSecond * BATCH, sent: result.sent, errors: result.errors, statuses: result.statuses, p50Ms: result.p50, p95Ms: result.p95, p99Ms: result.p99 };
}

async function driveRoute(port: number, tokens: string[], seconds = SECONDS) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: ROUTE_CONNECTIONS });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let readings = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      const body = nextBody(w);
      const t0 = performance.now();
      const status = await post(agent, port, tokens[w]!, body).catch(() => 0);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 202) {
        const n = BATCH;
        readings += n;
      } else errors++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: ROUTE_CONNECTIONS }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { readingsPerSec: Math.round(readings / elapsed), requests: latencies.length, errors, statuses, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), p99Ms: round(percentile(latencies, 99)) };
}

let child: ReturnType<typeof spawn> | null = null;
try {
  await runMigrations(url);
  const handle = createDb(url, { max: COPY_CONNECTIONS });
  const user = await signUp(handle.db, { name: "Bench", email: "bench@example.test", password: `bench-${randomBytes(6).toString("hex")}-1` }, { requestId: "bench" });
  const project = await createProject({ db: handle.db, user, requestId: "bench" }, { name: "Bench", description: "" });
  const ctx = { db: handle.db, user, requestId: "bench", project: { id: project.id, name: project.name }, role: "owner" as const };
  const tokens: string[] = [];
  for (let i = 0; i < ROUTE_CONNECTIONS; i++) {
    const { token } = await createSensor(ctx, { projectId: project.id, name: `Bench ${i}`, type: "generic", unit: "K", rawUnit: "mV", description: "", metadata: {}, conversion: { kind: "linear", gain: 2, offset: 1 } });
    tokens.push(token);
  }
  log(`unnest statement: ${COPY_CONNECTIONS} connections × ${BATCH}-row batches for ${SECONDS} s…`);
  const unnestRowsPerSec = await unnestCeiling(handle.db);
  log(`unnest ${unnestRowsPerSec} rows/s`);
  await handle.close();

  // `socket` is a real postgres.js option (src/connection.js) that its type definitions leave out.
  const copyOptions = { max: COPY_CONNECTIONS, onnotice: () => {}, socket: noDelaySocket };
  const copySql = postgres(url, copyOptions);
  log(`COPY ceiling: ${COPY_CONNECTIONS} connections × ${BATCH}-row batches for ${SECONDS} s…`);
  const ceiling = await copyCeiling(copySql);
  log(`ceiling ${ceiling.rowsPerSec} rows/s`);

  // The rate limit is per token and would cap a max-throughput run; it is not what this measures.
  // BENCH_PROFILE_DIR=/tmp/prof writes the route process's CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  child = spawn(process.execPath, [...profile, "--import", "tsx", "server/telemetry/stream/child-server.ts"], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), NODE_ENV: "production", LOG_LEVEL: "warn", TELEMETRY_RATE_LIMIT_PER_SECOND: "100000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), "line")) as [string];
  const port = (JSON.parse(line) as { port: number }).port;
  await driveRoute(port, tokens, 2); // warm-up: JIT, pools, token cache
  log(`route: ${ROUTE_CONNECTIONS} connections × ${BATCH}-reading POSTs for ${SECONDS} s…`);
  const route = await driveRoute(port, tokens);
  const halfCeilingRate = Math.max(1, Math.round((ceiling.rowsPerSec * TARGET_RATIO) / BATCH));
  log(`route, open loop at 50 % of the ceiling: ${halfCeilingRate} POSTs/s for ${SECONDS} s…`);
  const atHalfCeiling = await routeAtRate(port, tokens, halfCeilingRate);
  const [table] = await copySql<{ rows: number; size: string }[]>`
    select count(*)::int as rows, pg_size_pretty(pg_total_relation_size('telemetry_readings')) as size from telemetry_readings`;
  await copySql.end({ timeout: 5 });
  const ratio = Math.round((route.readingsPerSec / ceiling.rowsPerSec) * 1000) / 1000;
  console.log(
    JSON.stringify(
      {
        benchmark: "ingest",
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
        seconds: SECONDS,
        ceilingRowsPerSec: ceiling.rowsPerSec,
        unnestRowsPerSec,
        routeReadingsPerSec: route.readingsPerSec,
        ratio,
        p50Ms: route.p50Ms,
        p95Ms: route.p95Ms,
        p99Ms: route.p99Ms,
        requests: route.requests,
        errors: route.errors + atHalfCeiling.errors,
        statuses: route.statuses,
        openLoopAtHalfCeiling: atHalfCeiling,
        tableRows: table!.rows,
        tableSize: table!.size,
        // Throughput from the max-throughput run; latency at the target load (50 % of the ceiling, open loop).
        pass: ratio >= TARGET_RATIO && atHalfCeiling.p95Ms < TARGET_P95_MS && route.errors + atHalfCeiling.errors === 0,
      },
      null,
      2,
    ),
  );
} finally {
  if (child) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  await recreateDatabase(adminUrl, dbName, { dropOnly: true });
  await embedded?.stop();
}
