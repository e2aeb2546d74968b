import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { sessionUserFromCookieHeader } from "./session-cookie";

const db = useTestDatabase();
const SALT = "authjs.session-token";
const previousSecret = process.env.AUTH_SECRET;

beforeAll(() => {
  process.env.AUTH_SECRET = "session-cookie-test-secret-0123456789";
});
afterAll(() => {
  process.env.AUTH_SECRET = previousSecret;
});

async function cookieFor(userId: string, sessionVersion: number, maxAge = 3600) {
  const token = await encode({ token: { uid: userId, sv: sessionVersion }, secret: process.env.AUTH_SECRET!, salt: SALT, maxAge });
  return `${SALT}=${token}`;
}

async function versionOf(userId: string) {
  const [row] = await db.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
  return row!.v;
}

describe("sessionUserFromCookieHeader (with its decode cache)", () => {
  it("resolves the same cookie twice, then refuses it once the session version moves on (sign-out)", async () => {
    const user = await makeUser(db.db);
    const cookie = await cookieFor(user.id, await versionOf(user.id));
    expect((await sessionUserFromCookieHeader(cookie, db.db))?.id).toBe(user.id);
    expect((await sessionUserFromCookieHeader(cookie, db.db))?.id).toBe(user.id);
    await db.db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    expect(await sessionUserFromCookieHeader(cookie, db.db)).toBeNull();
  });

  it("refuses a cached token after it expires", async () => {
    const user = await makeUser(db.db);
    const cookie = await cookieFor(user.id, await versionOf(user.id), 1);
    expect((await sessionUserFromCookieHeader(cookie, db.db))?.id).toBe(user.id);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await sessionUserFromCookieHeader(cookie, db.db)).toBeNull();
  });

  it("refuses a tampered token, also on the second try", async () => {
    const user = await makeUser(db.db);
    const cookie = await cookieFor(user.id, await versionOf(user.id));
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    expect(await sessionUserFromCookieHeader(tampered, db.db)).toBeNull();
    expect(await sessionUserFromCookieHeader(tampered, db.db)).toBeNull();
  });

  it("does not reuse claims decoded under another secret", async () => {
    const user = await makeUser(db.db);
    const cookie = await cookieFor(user.id, await versionOf(user.id));
    expect((await sessionUserFromCookieHeader(cookie, db.db))?.id).toBe(user.id);
    process.env.AUTH_SECRET = "another-secret-of-another-length-xyz";
    try {
      expect(await sessionUserFromCookieHeader(cookie, db.db)).toBeNull();
    } finally {
      process.env.AUTH_SECRET = "session-cookie-test-secret-0123456789";
    }
  });
});
