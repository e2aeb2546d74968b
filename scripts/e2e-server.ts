// Playwright's web server: a fresh database (on DATABASE_URL's server, or an embedded one), migrations, a current
// production build, then the platform's own server (server/http/server.ts) — the same path an operator runs.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { closeDb } from "../db/client";
import { startEmbeddedPostgres } from "../db/embedded";
import { runMigrations } from "../db/migrate";
import { adminUrlFrom, recreateDatabase, withDatabase } from "../test/pg-admin";
import { buildIfNeeded } from "./lib/build";

const root = process.cwd();
const port = Number(process.env.E2E_PORT ?? 3210);
const log = (line: string) => console.log(`[e2e-server] ${line}`);

async function main() {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.resolve(".data/e2e-pg"));
  const adminUrl = embedded ? embedded.adminUrl : adminUrlFrom(process.env.DATABASE_URL!);
  const name = "etp_e2e";
  await recreateDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await runMigrations(url);
  buildIfNeeded(root, log);
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production",
    // The e2e webhook receiver listens on 127.0.0.1, a private address the dispatcher refuses by default.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
  });
  // Imported only now: the app's modules (and Next.js) read their settings from the environment when they load.
  const { closeAppServer, createAppServer } = await import("../server/http/server");
  const server = await createAppServer({ dev: false, port });
  log(`Ready on http://localhost:${port}`);
  const stop = async () => {
    await closeAppServer(server);
    await closeDb();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
