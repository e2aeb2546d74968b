// `npm run bench:stream`: 100 SSE subscribers on a v1-routes-only server (child process, no Next) while one sensor
// ingests 1,000 readings/s as 10 evenly spaced commits of 100 per second (the ingest path's SQL: seq under the
// sensor_ingest_state row lock, NOTIFY on commit). Prints ingest-to-delivery latency (commit start → parsed by the
// client), readings sent and delivered per subscriber, missing and duplicated readings. Targets: p95 < 250 ms, none missing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { encode } from "next-auth/jwt";
import { createDb } from "../../db/client";
import { findUserById } from "../../db/queries/users";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { signUp } from "../../server/services/account";
import { create as createProject } from "../../server/services/project";
import { create as createSensor } from "../../server/services/sensor/records";
import { writeReadings } from "../../server/telemetry/stream/test-support";
import { adminUrlFrom, recreateDatabase, withDatabase } from "../../test/pg-admin";
import { openLoop, percentile } from "./lib/open-loop";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS || 100);
const BATCHES_PER_SECOND = 10;
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE || 100);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const TARGET_P95_MS = 250;
const log = (line: string) => console.error(`[bench] ${line}`);

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(".data/bench-pg"));
const adminUrl = embedded ? embedded.adminUrl : adminUrlFrom(process.env.DATABASE_URL!);
await recreateDatabase(adminUrl, "etp_bench_stream");
const url = withDatabase(adminUrl, "etp_bench_stream");
await runMigrations(url);
const handle = createDb(url, { max: 4 });
const secret = randomBytes(32).toString("base64url");

const user = await signUp(handle.db, { name: "Bench", email: "bench@example.test", password: `bench-${randomBytes(6).toString("hex")}-1` }, { requestId: "bench" });
const project = await createProject({ db: handle.db, user, requestId: "bench" }, { name: "Bench", description: "" });
const ctx = { db: handle.db, user, requestId: "bench", project: { id: project.id, name: project.name }, role: "owner" as const };
const { sensor } = await createSensor(ctx, { projectId: project.id, name: "Bench sensor", type: "generic", unit: "K", rawUnit: "mV", description: "", metadata: {} });
const cookie = `authjs.session-token=${await encode({ token: { uid: user.id, sv: (await findUserById(handle.db, user.id))?.sessionVersion }, secret, salt: "authjs.session-token" })}`;

const child = spawn(process.execPath, ["--import", "tsx", "server/telemetry/stream/child-server.ts"], {
  env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, NODE_ENV: "production", LOG_LEVEL: "warn" },
  stdio: ["ignore", "pipe", "inherit"],
});
const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
const streamUrl = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/api/v1/telemetry/stream?sensor_id=${sensor.id}`;

/** CPU ms the stream server process has used so far (utime + stime from /proc, in clock ticks of 10 ms). */
const serverCpuMs = () => {
  const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const total = BATCHES_PER_SECOND * SECONDS * BATCH_SIZE;
const startedAt = new Float64Array(total); // performance.now() when the commit carrying reading i began
const committedAt = new Float64Array(total); // performance.now() when that commit returned
const latencies: number[] = [];
const afterCommit: number[] = [];

interface Subscriber {
  counts: Uint8Array;
  ready: Promise<void>;
  close: () => void;
}

/** A plain node:http SSE client: splits frames, parses telemetry data, records latency per reading. */
function subscribe(): Subscriber {
  const counts = new Uint8Array(total);
  let closeRequest = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const req = http.get(streamUrl, { headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding("utf8");
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith("event: ready")) resolve();
          if (!frame.startsWith("event: telemetry")) continue;
          const now = performance.now();
          const data = JSON.parse(frame.slice(frame.indexOf("data: ") + 6)) as { readings: { raw_value: number }[] };
          for (const r of data.readings) {
            counts[r.raw_value]! += 1;
            latencies.push(now - startedAt[r.raw_value]!);
            // A NOTIFY can outrun the commit's reply to the writer; those count as 0 ms after commit.
            afterCommit.push(committedAt[r.raw_value] ? Math.max(0, now - committedAt[r.raw_value]!) : 0);
          }
        }
      });
    });
    req.on("error", reject);
    closeRequest = () => req.destroy();
  });
  return { counts, ready, close: () => closeRequest() };
}

try {
  log(`${SUBSCRIBERS} subscribers…`);
  const subscribers = Array.from({ length: SUBSCRIBERS }, subscribe);
  await Promise.all(subscribers.map((s) => s.ready));
  const t0 = Date.now();
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = serverCpuMs();
  log(`ingesting ${BATCH_SIZE * BATCHES_PER_SECOND} readings/s for ${SECONDS} s…`);
  const writes = await openLoop({
    ratePerSecond: BATCHES_PER_SECOND,
    durationSeconds: SECONDS,
    request: async (batch) => {
      const first = batch * BATCH_SIZE;
      const readings = Array.from({ length: BATCH_SIZE }, (_, j) => ({ time: new Date(t0 + first + j), rawValue: first + j, value: (first + j) * 0.5 }));
      const now = performance.now();
      startedAt.fill(now, first, first + BATCH_SIZE);
      await writeReadings(handle.db, { sensorId: sensor.id }, readings);
      committedAt.fill(performance.now(), first, first + BATCH_SIZE);
      return 202;
    },
  });
  const deadline = Date.now() + 10_000;
  const complete = () => subscribers.every((s) => s.counts.every((c) => c >= 1));
  while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = serverCpuMs() - serverCpuBefore;

  let missing = 0;
  let duplicates = 0;
  const delivered = subscribers.map((s) => {
    let n = 0;
    for (const c of s.counts) {
      if (c === 0) missing++;
      if (c > 1) duplicates += c - 1;
      n += Math.min(c, 1);
    }
    return n;
  });
  latencies.sort((a, b) => a - b);
  afterCommit.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const [table] = await handle.sql<{ rows: number; bytes: string }[]>`
    select count(*)::int as rows, pg_size_pretty(pg_total_relation_size('telemetry_readings')) as bytes from telemetry_readings`;
  const summary = {
    benchmark: "stream",
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    subscribers: SUBSCRIBERS,
    readingsPerSecond: BATCHES_PER_SECOND * BATCH_SIZE,
    seconds: SECONDS,
    table,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? Number.NaN),
    commitToDelivery: { p50: round(percentile(afterCommit, 50)), p95: round(percentile(afterCommit, 95)), p99: round(percentile(afterCommit, 99)) },
    sent: total,
    deliveredPerSubscriberMin: Math.min(...delivered),
    missing,
    duplicates,
    writeCommit: { p50: writes.p50, p95: writes.p95, errors: writes.errors },
    loadGeneratorCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    /** CPU of the stream server (LISTEN, range reads, fan-out to every subscriber) over the whole run. */
    streamServerCpuMs: serverCpu,
    targetP95Ms: TARGET_P95_MS,
    pass: percentile(latencies, 95) < TARGET_P95_MS && missing === 0 && duplicates === 0 && writes.errors === 0,
  };
  console.log(JSON.stringify(summary, null, 2));
  for (const s of subscribers) s.close();
} finally {
  child.kill("SIGTERM");
  await once(child, "exit");
  await handle.close();
  await recreateDatabase(adminUrl, "etp_bench_stream", { dropOnly: true });
  await embedded?.stop();
}
