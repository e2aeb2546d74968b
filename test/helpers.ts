// Small helpers for integration tests: callers with a known request id, catching TRPCErrors, the client-visible error
// shape, audit rows, and a gate that holds row locks so concurrent transactions really meet inside the database.
import { randomBytes } from "node:crypto";
import { getErrorShape, TRPCError } from "@trpc/server";
import { and, asc, eq, type SQL } from "drizzle-orm";
import type postgres from "postgres";
import type { Db } from "../db/client";
import { auditEvents } from "../db/schema";
import type { SessionUser } from "../server/auth/session-user";
import { appRouter } from "../server/trpc/app-router";
import { createCallerFactory } from "../server/trpc/init";

const createCaller = createCallerFactory(appRouter);

/** A caller whose request id the test knows, so audit rows can be matched to the request that wrote them. */
export function callerWithRequestId(db: Db, user: SessionUser | null, requestId = `test-${randomBytes(6).toString("hex")}`) {
  return { caller: createCaller({ db, user, requestId, clientIp: `test-${randomBytes(4).toString("hex")}` }), requestId };
}

/** The TRPCError a call rejects with; fails the test if it resolves or rejects with anything else. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<TRPCError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw new Error(`expected a TRPCError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected the call to fail, it returned ${JSON.stringify(value)}`);
}

/** The error shape a real client receives (our errorFormatter applied), which createCaller does not expose. */
export function clientErrorShape(error: TRPCError, path: string) {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path,
    input: undefined,
    ctx: undefined,
  });
}

export function auditRowsWhere(db: Db, ...conditions: SQL[]) {
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(asc(auditEvents.id));
}

export function auditRowsForAction(db: Db, action: string, entityId?: string) {
  const conditions = [eq(auditEvents.action, action)];
  if (entityId) conditions.push(eq(auditEvents.entityId, entityId));
  return auditRowsWhere(db, ...conditions);
}

export function sessionUserOf(user: { id: string; email: string; name: string; activeProjectId: string | null }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, activeProjectId: user.activeProjectId };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `count` other sessions of this database are blocked on a lock (they have reached the gate). */
export async function waitForLockWaiters(sql: postgres.Sql, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
    if ((row?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${row?.n ?? 0} of ${count} sessions reached the lock`);
    await sleep(10);
  }
}

/**
 * Holds a lock on every member row of the project while `start()` launches concurrent calls, waits until `waiters` of
 * them are queued behind it, then lets them all go at once. Returns the settled results.
 */
export async function raceThroughMemberLock<T>(
  sql: postgres.Sql,
  projectId: string,
  waiters: number,
  start: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  let calls: Promise<T>[] = [];
  await sql.begin(async (tx) => {
    await tx`select 1 from project_members where project_id = ${projectId} for update`;
    calls = start();
    await waitForLockWaiters(sql, waiters);
  });
  return Promise.allSettled(calls);
}

/** Sleeps past the end of the database's current fixed window when fewer than `marginSeconds` remain in it. */
export async function awayFromWindowEdge(sql: postgres.Sql, windowSeconds: number, marginSeconds = 5): Promise<void> {
  const [row] = await sql<{ epoch: string }[]>`select extract(epoch from clock_timestamp())::text as epoch`;
  const remaining = windowSeconds - (Number(row?.epoch) % windowSeconds);
  if (remaining < marginSeconds) await sleep(remaining * 1000 + 100);
}
