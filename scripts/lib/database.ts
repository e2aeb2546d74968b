// Where the app's database lives: DATABASE_URL when set, otherwise an embedded PostgreSQL under the state dir.
import fs from "node:fs";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../../db/embedded";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export async function resolveDatabase(options: { url?: string; stateDir: string; databaseName: string }): Promise<ResolvedDatabase> {
  if (options.url) return { url: options.url, embedded: false, stop: async () => {} };
  fs.mkdirSync(options.stateDir, { recursive: true });
  const logFile = fs.createWriteStream(path.join(options.stateDir, "postgres.log"), { flags: "a" });
  const server = await startEmbeddedPostgres(options.stateDir, (line) => logFile.write(line.endsWith("\n") ? line : `${line}\n`));
  await ensureDatabase(server.adminUrl, options.databaseName);
  return {
    url: server.databaseUrl(options.databaseName),
    embedded: true,
    stop: async () => {
      await server.stop();
      logFile.end();
    },
  };
}
