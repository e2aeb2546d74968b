// One postgres.js pool per process, wrapped in drizzle. Tests create their own with createDb().
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query function can run on: the pool or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE || 10),
    onnotice: () => {},
    connection: { application_name: "etp" },
  });
  const db = drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { __etpDb?: DbHandle };

export function getDb(): Db {
  if (!globalForDb.__etpDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the platform with `npm start`, which provides one.");
    globalForDb.__etpDb = createDb(url);
  }
  return globalForDb.__etpDb.db;
}

/** The process's postgres.js instance: LISTEN (one dedicated connection per process) and raw SQL on the hot paths. */
export function getSql(): postgres.Sql {
  getDb();
  return globalForDb.__etpDb!.sql;
}

/** Ends the process's pool (on shutdown, before the database server stops). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__etpDb;
  globalForDb.__etpDb = undefined;
  await handle?.close();
}
