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

type Unsafe = postgres.Sql["unsafe"];
type Scoped = (sql: postgres.Sql) => unknown;
type Begin = (optionsOrFn: string | Scoped, fn?: Scoped) => Promise<unknown>;

/**
 * drizzle sends every query through postgres.js's `unsafe(…, { prepare: false })` unless the query was given a name,
 * and an unnamed statement with parameters costs two round trips (Parse + Describe, then Bind + Execute) and a fresh
 * plan each time. This makes those statements named and cached per connection: one round trip, planned once, which
 * took about a third off the CPU of a typical API call (docs/benchmarks.md). Transactions and savepoints get their
 * own `sql`, so they are wrapped too. Parameterless text (BEGIN, migrations) still uses the simple protocol.
 */
function preparedByDefault(sql: postgres.Sql): postgres.Sql {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, args, args && args.length > 0 ? { ...options, prepare: true } : options)) as Unsafe;
  const wrap = (fn: Scoped): Scoped => (inner) => fn(preparedByDefault(inner));
  const scoped = sql as unknown as { begin?: Begin; savepoint?: Begin };
  for (const key of ["begin", "savepoint"] as const) {
    const original = scoped[key];
    if (!original) continue;
    scoped[key] = (optionsOrFn, fn) =>
      typeof optionsOrFn === "function" ? original(wrap(optionsOrFn)) : original(optionsOrFn, fn && wrap(fn));
  }
  return sql;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE || 10),
    onnotice: () => {},
    connection: { application_name: "etp" },
  });
  // Off behind a pooler in transaction mode (PgBouncer), where a named statement may meet another server connection.
  const sql = process.env.DATABASE_PREPARED_STATEMENTS === "false" ? client : preparedByDefault(client);
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
