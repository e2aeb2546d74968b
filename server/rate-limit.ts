// Fixed-window limits kept in PostgreSQL, so every app instance counts against the same budget.
import type { Queryable } from "../db/client";
import { hitRateLimit } from "../db/queries/rate-limits";
import { DomainError } from "../domain/errors";

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export async function checkRateLimit(db: Queryable, key: string, limit: RateLimit, now = Date.now()): Promise<void> {
  const { count, windowEndsAt } = await hitRateLimit(db, key, limit.windowSeconds);
  if (count > limit.max) {
    const retryAfterSeconds = Math.max(1, Math.ceil((windowEndsAt.getTime() - now) / 1000));
    throw new DomainError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
}
