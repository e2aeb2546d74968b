import type { Queryable } from "../client";
import { purgeExpiredIdempotencyKeys } from "./idempotency";
import { purgeExpiredRateLimits } from "./rate-limits";

/** Rate-limit windows are minutes long; a day keeps every window that can still count. */
const RATE_LIMIT_ROWS_KEPT_SECONDS = 24 * 3600;

/** Deletes idempotency keys past their 24 h and rate-limit windows older than a day. */
export async function purgeExpiredRows(db: Queryable): Promise<void> {
  await purgeExpiredIdempotencyKeys(db);
  await purgeExpiredRateLimits(db, RATE_LIMIT_ROWS_KEPT_SECONDS);
}
