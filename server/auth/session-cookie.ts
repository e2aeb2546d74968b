// The signed-in user from a Cookie header, or null when the session cookie is missing, tampered, expired or revoked.
// The cookie is decoded directly: next-auth's auth() would also re-encrypt and re-set it on every call. This module must
// not import next/headers (or anything that loads it): the node:http tRPC handler imports it before Next.js has started,
// and loading Next's request-scoped storage that early leaves Next with a fake AsyncLocalStorage that throws on use.
import { parseCookie } from "cookie";
import { decode } from "next-auth/jwt";
import { getDb, type Queryable } from "../../db/client";
import { resolveSessionUser, type SessionUser } from "./session-user";

/** next-auth's cookie names: the __Secure- one over https. Each name is also the salt of its token. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export async function sessionUserFromCookieHeader(cookieHeader: string | undefined, db: Queryable = getDb()): Promise<SessionUser | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !cookieHeader) return null;
  const jar = parseCookie(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = jar[name];
    if (!token) continue;
    const claims = await decode({ token, secret, salt: name }).catch(() => null);
    return resolveSessionUser(db, claims ? { uid: claims.uid, sv: claims.sv } : null);
  }
  return null;
}
