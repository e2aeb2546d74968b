// `npm run bench:api`: 10k experiments and 100k runs, then the tRPC HTTP endpoints at a fixed 200 requests/s each
// (open loop, evenly spaced), then a rate ramp for list and detail. Prints one JSON summary; --write updates docs/benchmarks.md.
import os from "node:os";
import { startBenchApp } from "./lib/app";
import { openLoop, type LoadResult } from "./lib/open-loop";
import { statusOf, trpcClient } from "./lib/trpc-http";
import { writeBenchmarkDoc } from "./lib/report";

const RATE = Number(process.env.BENCH_RATE || 200);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const TARGET_P95_MS = 100;
const RAMP = [25, 50, 75, 100, 150, 200, 300, 400, 600];

const app = await startBenchApp({
  port: Number(process.env.BENCH_PORT || 3400),
  experiments: Number(process.env.BENCH_EXPERIMENTS || 10_000),
  runsPerExperiment: Number(process.env.BENCH_RUNS_PER_EXPERIMENT || 10),
});
const api = trpcClient(app.baseUrl, app.cookie);
const projectId = app.projectId;
const pick = <T>(pool: T[], i: number) => pool[(i * 7919) % pool.length]!;

try {
  const experimentIds = (await app.sql<{ id: string }[]>`select id from experiments where project_id = ${projectId} order by random() limit 2000`).map((r) => r.id);
  const runIds = (await app.sql<{ id: string }[]>`select id from runs where project_id = ${projectId} order by random() limit 2000`).map((r) => r.id);
  const runningRunIds = (await app.sql<{ id: string }[]>`select id from runs where project_id = ${projectId} and status = 'running' limit ${RATE * SECONDS}`).map((r) => r.id);
  const runFilter = {
    or: [{ status: ["failed"] }, { and: [{ param: { key: "lr", op: "<", value: 0.02 } }, { tags: { mode: "any", values: ["seed-1"] } }] }],
  };
  const sessionIds: string[] = [];

  const operations: Record<string, (i: number) => Promise<number>> = {
    "run.list (filter)": () => statusOf(api.query("run.list", { projectId, filter: runFilter, limit: 50 })),
    "experiment.list (search)": (i) => statusOf(api.query("experiment.list", { projectId, filter: { search: ["optics", "vacuum", "drift"][i % 3] }, limit: 50 })),
    "experiment.byId": (i) => statusOf(api.query("experiment.byId", { projectId, id: pick(experimentIds, i) })),
    "run.byId": (i) => statusOf(api.query("run.byId", { projectId, id: pick(runIds, i) })),
    "experiment.create": (i) => statusOf(api.mutation("experiment.create", { projectId, name: `Bench created ${i}`, tags: ["bench"] })),
    "captureSession.start": async (i) => {
      const res = await api.mutation("captureSession.start", { projectId, runId: runningRunIds[i % runningRunIds.length] });
      const body = (await res.json()) as { result?: { data?: { json?: { id?: string } } } };
      if (body.result?.data?.json?.id) sessionIds.push(body.result.data.json.id);
      return res.status;
    },
    "captureSession.stop": (i) => statusOf(api.mutation("captureSession.stop", { projectId, id: sessionIds[i % Math.max(1, sessionIds.length)] })),
  };

  // Warm-up (JIT, pools, caches) on the reads; the writes share their code paths and must not use up the seeded runs.
  for (const name of ["run.list (filter)", "experiment.list (search)", "experiment.byId", "run.byId"]) {
    await openLoop({ ratePerSecond: 50, durationSeconds: 2, request: operations[name]! });
  }
  const fixedRate: Record<string, LoadResult> = {};
  for (const [name, request] of Object.entries(operations)) {
    fixedRate[name] = await openLoop({ ratePerSecond: RATE, durationSeconds: SECONDS, request });
    console.error(`[bench] ${name}: p95 ${fixedRate[name]!.p95} ms, errors ${fixedRate[name]!.errors}`);
  }

  const maxRateUnderTarget: Record<string, number | null> = {};
  for (const name of ["run.list (filter)", "run.byId"]) {
    maxRateUnderTarget[name] = null;
    for (const rate of RAMP) {
      const result = await openLoop({ ratePerSecond: rate, durationSeconds: 5, request: operations[name]! });
      console.error(`[bench] ramp ${name} @ ${rate}/s: p95 ${result.p95} ms, errors ${result.errors}`);
      if (result.p95 >= TARGET_P95_MS || result.errors > 0) break;
      maxRateUnderTarget[name] = rate;
    }
  }

  const [counts] = await app.sql<{ experiments: number; runs: number }[]>`
    select (select count(*)::int from experiments) as experiments, (select count(*)::int from runs) as runs`;
  const summary = {
    benchmark: "api",
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    data: counts,
    rate: RATE,
    seconds: SECONDS,
    targetP95Ms: TARGET_P95_MS,
    fixedRate,
    maxRateUnderTarget,
    pass: Object.values(fixedRate).every((r) => r.p95 < TARGET_P95_MS && r.errors === 0),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (process.argv.includes("--write")) writeBenchmarkDoc("api", summary);
} finally {
  await app.stop();
}
