// `npm start` (production build), `npm run dev` (Next.js in dev mode) and `npm run start:prod` (no embedded DB, no demo).
// One process owns the embedded PostgreSQL and the app server (server/http/server.ts), and stops both on Ctrl-C.
import fs from "node:fs";
import path from "node:path";
import { closeDb, createDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { purgeExpiredRows } from "../db/queries/housekeeping";
import { resolveAuthSecret } from "./lib/auth-secret";
import { buildIfNeeded } from "./lib/build";
import { resolveDatabase } from "./lib/database";
import { seedDemo } from "./lib/seed-demo";
import { startSimulator } from "./lib/simulator";

const root = process.cwd();
if (fs.existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
// An empty `KEY=` line means "use the default", not "set to nothing".
for (const [key, value] of Object.entries(process.env)) if (value === "") delete process.env[key];

const mode = process.argv.includes("--dev") ? "dev" : process.argv.includes("--prod") ? "prod" : "start";
const stateDir = path.resolve(root, process.env.DATA_DIR || ".data");
const port = Number(process.env.PORT || 3000);
const log = (line: string) => console.log(`[etp] ${line}`);
/** Closes what is running so far (the server, the pool, an embedded PostgreSQL) and exits. */
let shutdown: (code: number) => Promise<void> = async (code) => process.exit(code);

async function main() {
  const production = mode === "prod" || (process.env.NODE_ENV === "production" && Boolean(process.env.DATABASE_URL));
  if (mode === "prod" && !process.env.DATABASE_URL) throw new Error("start:prod needs DATABASE_URL (PostgreSQL, ideally with TimescaleDB).");
  const authSecret = resolveAuthSecret({ env: process.env, stateDir, production });

  const database = await resolveDatabase({ url: process.env.DATABASE_URL || undefined, stateDir, databaseName: process.env.EMBEDDED_DATABASE_NAME || "etp" });
  let closeServer = async () => {};
  let stopping = false;
  shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await closeServer();
    await closeDb();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  log(database.embedded ? `Embedded PostgreSQL running, data in ${path.join(stateDir, "pg")}` : "Using DATABASE_URL");
  await runMigrations(database.url);
  log("Migrations applied");

  const seed = (process.env.SEED_DEMO || (mode === "prod" ? "false" : "true")) === "true";
  const handle = createDb(database.url, { max: 2 });
  await purgeExpiredRows(handle.db);
  const demo = seed ? await seedDemo(handle.db, stateDir) : null;
  await handle.close();

  if (mode !== "dev") buildIfNeeded(root, log);
  const nodeEnv = mode === "dev" ? "development" : process.env.NODE_ENV || "production";
  Object.assign(process.env, { NODE_ENV: nodeEnv, DATABASE_URL: database.url, AUTH_SECRET: authSecret, PORT: String(port) });
  // Imported only now: the app's modules (and Next.js) read their settings from the environment when they load.
  const { closeAppServer, createAppServer } = await import("../server/http/server");
  const server = await createAppServer({ dev: mode === "dev", port });
  closeServer = () => closeAppServer(server);

  log(`Ready on http://localhost:${port}`);
  if (demo) log(`Demo sign-in: ${demo.email} / ${demo.password}  (also in ${path.join(stateDir, "demo.json")})`);
  const simulated = demo?.telemetry?.sensors[0];
  if (simulated && (process.env.SIMULATE_DEMO || "true") === "true") {
    const rate = Number(process.env.SIMULATE_DEMO_RATE || 20);
    const simulator = startSimulator({ url: `http://127.0.0.1:${port}`, token: simulated.token, rate });
    const previous = closeServer;
    closeServer = async () => {
      simulator.stop();
      await previous();
    };
    log(`Simulating "${simulated.name}" at ${rate} readings/s into the demo run: open http://localhost:${port}/runs/${demo!.runId}`);
  }
}

main().catch(async (error: unknown) => {
  console.error(`[etp] ${error instanceof Error ? error.message : String(error)}`);
  // drizzle wraps PostgreSQL's own reason (permission denied, missing extension…) in the cause.
  if (error instanceof Error && error.cause instanceof Error) console.error(`[etp] cause: ${error.cause.message}`);
  await shutdown(1);
});
