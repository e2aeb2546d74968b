import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

/** Counts one hit in the fixed window that contains now; returns the count and when the window ends. */
export async function hitRateLimit(
  db: Queryable,
  key: string,
  windowSeconds: number,
): Promise<{ count: number; windowEndsAt: Date }> {
  const rows = await db.execute<{ count: number; window_ends_at: string }>(sql`
    insert into rate_limits (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count, window_start + make_interval(secs => ${windowSeconds}) as window_ends_at`);
  const row = rows[0]!;
  return { count: Number(row.count), windowEndsAt: new Date(row.window_ends_at) };
}

export async function purgeExpiredRateLimits(db: Queryable, olderThanSeconds: number): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < now() - make_interval(secs => ${olderThanSeconds})`);
}
