// The hourly clean-up, run at a short interval: expired rows go, live ones stay, and stop() ends the timer.
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { startHousekeeping, type Housekeeping } from "./housekeeping";

describe("startHousekeeping", () => {
  const db = useTestDatabase();
  let housekeeping: Housekeeping | undefined;
  afterEach(() => housekeeping?.stop());

  const keys = async () => (await db.sql<{ key: string }[]>`select key from idempotency_keys order by key`).map((r) => r.key);
  const windows = async () => (await db.sql<{ key: string }[]>`select key from rate_limits order by key`).map((r) => r.key);

  async function until(check: () => Promise<boolean>, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error("condition not met in time");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("deletes idempotency keys past 24 h and rate-limit windows older than a day, and keeps the rest", async () => {
    const user = await makeUser(db.db);
    await db.sql`insert into idempotency_keys (user_id, scope, key, request_hash, created_at) values
      (${user.id}, 'run.create', 'expired-key', 'h', now() - interval '25 hours'),
      (${user.id}, 'run.create', 'live-key', 'h', now() - interval '23 hours')`;
    await db.sql`insert into rate_limits (key, window_start, count) values
      ('old-window', now() - interval '2 days', 3), ('current-window', now(), 1)`;

    housekeeping = startHousekeeping({ getDb: () => db.db }, { intervalMs: 50 });
    await until(async () => (await keys()).length === 1 && (await windows()).length === 1);
    expect(await keys()).toEqual(["live-key"]);
    expect(await windows()).toEqual(["current-window"]);
  });

  it("stops: rows that expire after stop() are left alone", async () => {
    housekeeping = startHousekeeping({ getDb: () => db.db }, { intervalMs: 50 });
    await housekeeping.stop();
    await db.sql`insert into rate_limits (key, window_start, count) values ('after-stop', now() - interval '2 days', 1)`;
    await new Promise((r) => setTimeout(r, 200));
    expect(await windows()).toContain("after-stop");
  });
});
