// createDb makes drizzle's parameterised statements named and cached per connection (one round trip, planned once),
// in transactions and savepoints too, and DATABASE_PREPARED_STATEMENTS=false turns that off for poolers.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb, type DbHandle } from "./client";
import { users } from "./schema";
import { useTestDatabase } from "../test/db";

describe("createDb's prepared statements", () => {
  const testDb = useTestDatabase();
  const handles: DbHandle[] = [];
  afterEach(async () => {
    vi.unstubAllEnvs();
    await Promise.all(handles.splice(0).map((h) => h.close()));
  });

  /** One connection, so pg_prepared_statements shows what this pool prepared. */
  const onePool = () => {
    const handle = createDb(testDb.url, { max: 1 });
    handles.push(handle);
    return handle.db;
  };
  // postgres.js prepares its own few statements (commit, its type lookup); these tests look at the app's queries.
  const preparedTexts = async (db: DbHandle["db"]) =>
    (await db.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`)).map((r) => r.statement).filter((t) => t.includes('"users"'));
  const lookup = (db: DbHandle["db"], label: string) =>
    db.select({ id: users.id }).from(users).where(eq(users.email, `${label}@example.test`));

  it("prepares a parameterised query once and reuses it, on the pool, in a transaction and in a savepoint", async () => {
    const db = onePool();
    await lookup(db, "a");
    await lookup(db, "b");
    await db.transaction(async (tx) => {
      await tx.select({ n: users.name }).from(users).where(eq(users.id, "00000000-0000-4000-8000-000000000001"));
      await tx.transaction(async (inner) => {
        await inner.select({ s: users.sessionVersion }).from(users).where(eq(users.name, "savepoint"));
      });
    });
    const texts = await preparedTexts(db);
    expect(texts.filter((t) => t.includes('"email" = $1'))).toHaveLength(1);
    expect(texts.some((t) => t.includes('select "name" from "users" where "users"."id" = $1'))).toBe(true);
    expect(texts.some((t) => t.includes('select "session_version" from "users" where "users"."name" = $1'))).toBe(true);
  });

  it("prepares nothing with DATABASE_PREPARED_STATEMENTS=false", async () => {
    vi.stubEnv("DATABASE_PREPARED_STATEMENTS", "false");
    const db = onePool();
    await lookup(db, "c");
    await db.transaction(async (tx) => lookup(tx as unknown as DbHandle["db"], "d"));
    expect(await preparedTexts(db)).toEqual([]);
  });
});
