import type { Queryable } from "../client";
import { purgeExpiredIdempotencyKeys } from "./idempotency";
import { purgeExpiredRateLimits } from "./rate-limits";
import { purgeOldDeliveries } from "./webhooks";

/** Rate-limit windows are minutes long; a day keeps every window that can still count. */
const RATE_LIMIT_ROWS_KEPT_SECONDS = 24 * 3600;

/** Sent or given-up webhook deliveries are kept this long for the delivery log (the event itself stays in the audit). */
export const WEBHOOK_DELIVERY_RETENTION_DAYS = 30;

/** Deletes idempotency keys past their 24 h, rate-limit windows older than a day and finished webhook deliveries past 30 days. */
export async function purgeExpiredRows(db: Queryable): Promise<void> {
  await purgeExpiredIdempotencyKeys(db);
  await purgeExpiredRateLimits(db, RATE_LIMIT_ROWS_KEPT_SECONDS);
  await purgeOldDeliveries(db, WEBHOOK_DELIVERY_RETENTION_DAYS);
}
