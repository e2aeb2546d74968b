import { and, eq, sql } from "drizzle-orm";
import { IDEMPOTENCY_TTL_HOURS } from "../../domain/idempotency";
import type { Queryable } from "../client";
import { idempotencyKeys } from "../schema";

export interface IdempotencyRef {
  userId: string;
  scope: string;
  key: string;
}

/**
 * Claims the key for this request. Returns true when this request owns it (new, or the old claim expired).
 * A concurrent claim of the same key waits here until the first transaction ends, then gets false.
 */
export async function claimIdempotencyKey(db: Queryable, ref: IdempotencyRef & { requestHash: string }): Promise<boolean> {
  const rows = await db
    .insert(idempotencyKeys)
    .values(ref)
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key],
      set: { requestHash: ref.requestHash, response: null, createdAt: sql`now()` },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

export async function findIdempotencyKey(db: Queryable, ref: IdempotencyRef) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)))
    .limit(1);
  return row;
}

export async function storeIdempotentResponse(db: Queryable, ref: IdempotencyRef, response: unknown): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ response })
    .where(and(eq(idempotencyKeys.userId, ref.userId), eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.key, ref.key)));
}

export async function purgeExpiredIdempotencyKeys(db: Queryable): Promise<void> {
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`);
}
