// `npm run bench:chart`: 10M readings over 10 sensors in one run (generated in SQL, 1-second rollups filled in one
// INSERT … SELECT), then the time to first chart data — telemetry.series over tRPC HTTP with a session cookie — for the
// whole run and for zooms, median of several tries. Prints JSON; drops its throwaway database at the end.
import { randomBytes } from "node:crypto";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { createDb } from "../../db/client";
import { startEmbeddedPostgres } from "../../db/embedded";
import { runMigrations } from "../../db/migrate";
import { findUserById } from "../../db/queries/users";
import { adminUrlFrom, recreateDatabase, withDatabase } from "../../test/pg-admin";
import { percentile } from "./lib/open-loop";
import { resultOf, trpcClient } from "./lib/trpc-http";

const SENSORS = Number(process.env.BENCH_SENSORS || 10);
const PER_SENSOR = Number(process.env.BENCH_READINGS_PER_SENSOR || 1_000_000);
const STEP_MS = 10; // 100 Hz: 1M readings = 10,000 s per sensor
const TRIES = Number(process.env.BENCH_TRIES || 7);
const TARGET_MS = 1000;
const log = (line: string) => console.error(`[bench:chart] ${line}`);
const seconds = (t0: number) => Math.round(performance.now() - t0) / 1000;

// The server modules load after this line (dynamic imports), so the per-call request log stays off stdout's JSON.
process.env.LOG_LEVEL ||= "warn";
const { signUp } = await import("../../server/services/account");
const { create: createProject } = await import("../../server/services/project");
const { createTrpcNodeHandler } = await import("../../server/http/trpc-node");

const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(".data/bench-pg"));
const adminUrl = embedded ? embedded.adminUrl : adminUrlFrom(process.env.DATABASE_URL!);
const dbName = `etp_bench_chart_${randomBytes(3).toString("hex")}`;
await recreateDatabase(adminUrl, dbName);
const url = withDatabase(adminUrl, dbName);
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
const handle = createDb(url, { max: 10 });
const { db, sql } = handle;
const server = http.createServer(createTrpcNodeHandler({ getDb: () => db }));

try {
  await runMigrations(url);
  const user = await signUp(db, { name: "Bench", email: "bench@example.test", password: `bench-${randomBytes(6).toString("hex")}-1` }, { requestId: "bench" });
  const project = await createProject({ db, user, requestId: "bench" }, { name: "Chart bench", description: "" });
  const start = Date.parse("2026-01-15T08:00:00Z");
  const end = start + PER_SENSOR * STEP_MS;
  const [experiment] = await sql<{ id: string }[]>`insert into experiments (project_id, name) values (${project.id}, 'Chart bench') returning id`;
  const [run] = await sql<{ id: string }[]>`
    insert into runs (project_id, experiment_id, name, status, started_at, finished_at)
    values (${project.id}, ${experiment!.id}, 'Chart bench run', 'succeeded', ${new Date(start).toISOString()}, ${new Date(end).toISOString()}) returning id`;
  const [session] = await sql<{ id: string }[]>`
    insert into capture_sessions (project_id, run_id, ordinal_number, status, started_at, ended_at)
    values (${project.id}, ${run!.id}, 1, 'stopped', ${new Date(start).toISOString()}, ${new Date(end).toISOString()}) returning id`;
  const sensorIds: string[] = [];
  for (let i = 0; i < SENSORS; i++) {
    const [s] = await sql<{ id: string }[]>`insert into sensors (name, unit, raw_unit) values (${`sensor-${i}`}, '°C', 'mV') returning id`;
    await sql`insert into sensor_projects (sensor_id, project_id, is_primary) values (${s!.id}, ${project.id}, true)`;
    await sql`insert into run_sensors (run_id, sensor_id) values (${run!.id}, ${s!.id})`;
    sensorIds.push(s!.id);
  }

  const seedStarted = performance.now();
  for (const [i, sensorId] of sensorIds.entries()) {
    await sql`
      insert into telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, profile_version, run_id, capture_session_id)
      select ${sensorId}::uuid, t, t, g + 1, v, v * 2, 1, ${run!.id}::uuid, ${session!.id}::uuid
      from generate_series(0, ${PER_SENSOR - 1}::int) g,
        lateral (select ${new Date(start).toISOString()}::timestamptz + g * interval '10 milliseconds' as t,
                        sin(g / 5000.0 + ${i}) * 10 + random() + case when g % 250000 = 12345 then 500 else 0 end as v) x`;
    log(`sensor ${i + 1}/${SENSORS}: ${PER_SENSOR} readings (${seconds(seedStarted)} s)`);
  }
  const readingsSeconds = seconds(seedStarted);
  const rollupStarted = performance.now();
  await sql`
    insert into telemetry_rollups_1s (sensor_id, bucket, min_value, max_value, sum_value, count)
    select sensor_id, date_bin('1 second', time, timestamptz '2000-01-01'), min(value), max(value), sum(value), count(*)
    from telemetry_readings group by 1, 2`;
  const rollupSeconds = seconds(rollupStarted);
  await sql`vacuum analyze telemetry_readings`;
  await sql`vacuum analyze telemetry_rollups_1s`;
  const [size] = await sql<{ readings: number; rollups: number; bytes: string }[]>`
    select (select count(*)::int from telemetry_readings) as readings, (select count(*)::int from telemetry_rollups_1s) as rollups,
      pg_size_pretty(pg_total_relation_size('telemetry_readings')) as bytes`;
  log(`seeded ${size!.readings} readings (${size!.bytes}) in ${readingsSeconds} s, ${size!.rollups} rollup rows in ${rollupSeconds} s`);

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no TCP address");
  const found = await findUserById(db, user.id);
  const token = await encode({ token: { uid: user.id, sv: found?.sessionVersion }, secret: process.env.AUTH_SECRET, salt: "authjs.session-token" });
  const api = trpcClient(`http://127.0.0.1:${address.port}`, `authjs.session-token=${token}`);

  async function timeSeries(input: Record<string, unknown>) {
    const t0 = performance.now();
    const res = await api.query("telemetry.series", { projectId: project.id, runId: run!.id, ...input });
    const ms = performance.now() - t0;
    const series = res.ok ? resultOf<{ series: { points: unknown[]; source: string }[] }>(res)?.series : undefined;
    if (!res.ok || !series) throw new Error(`telemetry.series answered ${res.status}`);
    return { ms, points: series.reduce((n, s) => n + s.points.length, 0), source: series[0]?.source };
  }

  const mid = start + (end - start) / 2;
  const cases: Record<string, Record<string, unknown>> = {
    "whole run (10 sensors)": {},
    "zoom 10 min (10 sensors)": { from: new Date(mid), to: new Date(mid + 600_000) },
    "zoom 1 min (10 sensors)": { from: new Date(mid), to: new Date(mid + 60_000) },
    "whole run (1 sensor)": { sensorIds: [sensorIds[0]] },
  };
  const results: Record<string, { firstMs: number; medianMs: number; p90Ms: number; points: number; source?: string }> = {};
  for (const [name, input] of Object.entries(cases)) {
    const first = await timeSeries(input);
    const tries = [];
    for (let i = 0; i < TRIES; i++) tries.push(await timeSeries(input));
    const sorted = tries.map((t) => t.ms).sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    results[name] = { firstMs: round(first.ms), medianMs: round(percentile(sorted, 50)), p90Ms: round(percentile(sorted, 90)), points: first.points, source: first.source };
    log(`${name}: first ${results[name]!.firstMs} ms, median ${results[name]!.medianMs} ms (${first.points} points, ${first.source})`);
  }
  console.log(
    JSON.stringify(
      {
        benchmark: "chart",
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
        data: { readings: size!.readings, sensors: SENSORS, rollupRows: size!.rollups, tableSize: size!.bytes, timescale: false },
        seeding: { readingsSeconds, rollupSeconds },
        path: "tRPC over HTTP (node:http handler, session cookie), telemetry.series, full JSON body received",
        tries: TRIES,
        targetMs: TARGET_MS,
        results,
        pass: Object.values(results).every((r) => r.medianMs < TARGET_MS && r.firstMs < TARGET_MS),
      },
      null,
      2,
    ),
  );
} finally {
  server.close();
  await handle.close();
  await recreateDatabase(adminUrl, dbName, { dropOnly: true });
  await embedded?.stop();
}
