// A benchmark instance of the whole platform: fresh database, bulk seed, production build, the platform's server
// (`start.ts --prod`, in a child process so the load generator does not share its event loop), a signed-in cookie.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { createDb } from "../../../db/client";
import { startEmbeddedPostgres } from "../../../db/embedded";
import { runMigrations } from "../../../db/migrate";
import { signUp } from "../../../server/services/account";
import { create as createProject } from "../../../server/services/project";
import { adminUrlFrom, recreateDatabase, withDatabase } from "../../../test/pg-admin";
import { buildIfNeeded } from "../../lib/build";
import { seedBenchData } from "./seed";

export interface BenchApp {
  baseUrl: string;
  cookie: string;
  projectId: string;
  sql: postgres.Sql;
  /** The server process, for CPU accounting. */
  serverPid: number | undefined;
  stop: () => Promise<void>;
}

const log = (line: string) => console.error(`[bench] ${line}`);

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer at ${url}`);
}

export async function startBenchApp(options: { port: number; experiments: number; runsPerExperiment: number }): Promise<BenchApp> {
  const root = process.cwd();
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(".data/bench-pg"));
  const adminUrl = embedded ? embedded.adminUrl : adminUrlFrom(process.env.DATABASE_URL!);
  await recreateDatabase(adminUrl, "etp_bench");
  const url = withDatabase(adminUrl, "etp_bench");
  await runMigrations(url);

  const handle = createDb(url, { max: 4 });
  const password = `bench-${randomBytes(6).toString("hex")}-1`;
  const user = await signUp(handle.db, { name: "Bench", email: "bench@example.test", password }, { requestId: "bench" });
  const project = await createProject({ db: handle.db, user, requestId: "bench" }, { name: "Bench", description: "" });
  log(`seeding ${options.experiments} experiments × ${options.runsPerExperiment} runs…`);
  await seedBenchData(handle.sql, { projectId: project.id, userId: user.id, ...options });
  await handle.close();

  buildIfNeeded(root, log);
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), NODE_ENV: "production" as const, LOG_LEVEL: "warn", PORT: String(options.port) };
  // BENCH_PROFILE_DIR=/tmp/prof writes the server process's CPU profile there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join("scripts", "start.ts"), "--prod"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${baseUrl}/sign-in`, 60_000);

  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.test", password }),
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  if (!signIn.ok || !cookie) throw new Error(`bench sign-in failed with ${signIn.status}`);

  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return {
    baseUrl,
    cookie,
    projectId: project.id,
    sql,
    serverPid: child.pid,
    stop: async () => {
      await sql.end({ timeout: 5 });
      child.kill("SIGTERM");
      await exited;
      await embedded?.stop();
    },
  };
}
