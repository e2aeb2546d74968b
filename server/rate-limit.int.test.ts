// checkRateLimit against real PostgreSQL: the budget, Retry-After, independent keys, and atomic counting under concurrency.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors";
import { useTestDatabase } from "../test/db";
import { awayFromWindowEdge } from "../test/helpers";
import { checkRateLimit } from "./rate-limit";

const freshKey = (label: string) => `test:${label}:${randomBytes(6).toString("hex")}`;

async function rejectionOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected the hit to be refused");
}

describe("checkRateLimit", () => {
  const db = useTestDatabase();

  it("allows max hits in a window, then refuses with a Retry-After inside the window", async () => {
    const limit = { max: 3, windowSeconds: 60 };
    await awayFromWindowEdge(db.sql, limit.windowSeconds);
    const key = freshKey("budget");

    for (let i = 0; i < 3; i++) await expect(checkRateLimit(db.db, key, limit)).resolves.toBeUndefined();
    const error = await rejectionOf(checkRateLimit(db.db, key, limit));

    expect(error.code).toBe("RATE_LIMITED");
    const retryAfter = error.details?.retryAfterSeconds;
    expect(typeof retryAfter).toBe("number");
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Still refused on the next try: the refusal counts, it does not reset anything.
    expect((await rejectionOf(checkRateLimit(db.db, key, limit))).code).toBe("RATE_LIMITED");
  });

  it("counts each key on its own", async () => {
    const limit = { max: 2, windowSeconds: 60 };
    await awayFromWindowEdge(db.sql, limit.windowSeconds);
    const first = freshKey("a");
    const second = freshKey("b");

    await checkRateLimit(db.db, first, limit);
    await checkRateLimit(db.db, first, limit);
    expect((await rejectionOf(checkRateLimit(db.db, first, limit))).code).toBe("RATE_LIMITED");

    await expect(checkRateLimit(db.db, second, limit)).resolves.toBeUndefined();
    await expect(checkRateLimit(db.db, second, limit)).resolves.toBeUndefined();
  });

  it("lets exactly max of many concurrent hits through", async () => {
    const limit = { max: 5, windowSeconds: 3600 };
    await awayFromWindowEdge(db.sql, limit.windowSeconds);
    const key = freshKey("burst");

    const results = await Promise.allSettled(Array.from({ length: 10 }, () => checkRateLimit(db.db, key, limit)));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.flatMap((r) => (r.status === "rejected" && r.reason instanceof DomainError ? [r.reason.code] : []));
    expect(refused).toEqual(Array(5).fill("RATE_LIMITED"));
    const [row] = await db.sql<{ count: number }[]>`select count from rate_limits where key = ${key}`;
    expect(row?.count).toBe(10);
  });
});
