// The signed-in user from a Cookie header, or null when the session cookie is missing, tampered, expired or revoked.
// The cookie is decoded directly: next-auth's auth() would also re-encrypt and re-set it on every call. This module must
// not import next/headers (or anything that loads it): the node:http tRPC handler imports it before Next.js has started,
// and loading Next's request-scoped storage that early leaves Next with a fake AsyncLocalStorage that throws on use.
import { parseCookie } from "cookie";
import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import { getDb, type Queryable } from "../../db/client";
import { resolveSessionUser, verifiableClaims, type SessionUser, type VerifiableClaims } from "./session-user";

/** next-auth's cookie names: the __Secure- one over https. Each name is also the salt of its token. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Claims = { uid?: unknown; sv?: unknown; exp?: unknown } | null;

// Decoding a cookie derives a key and decrypts a JWE (≈ 0.5 ms of CPU per API call); the claims of a token never change,
// so they are cached by the token itself until they expire. Revocation still applies: every call checks the session
// version in the database (resolveSessionUser, or the procedure ladder's first query).
const claimsCache = new LRUCache<string, { claims: Claims }>({ max: 5000, ttl: 60_000 });

async function decodeClaims(token: string, secret: string, salt: string): Promise<Claims> {
  const key = `${salt}\u0000${secret}\u0000${token}`;
  const hit = claimsCache.get(key);
  if (hit) return typeof hit.claims?.exp === "number" && hit.claims.exp * 1000 <= Date.now() ? null : hit.claims;
  const claims = await decode({ token, secret, salt }).catch(() => null);
  claimsCache.set(key, { claims });
  return claims;
}

/** The session token's claims (decoded, not yet checked against the database), or null without a usable cookie. */
export async function sessionClaimsFromCookieHeader(cookieHeader: string | undefined): Promise<VerifiableClaims | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !cookieHeader) return null;
  const jar = parseCookie(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = jar[name];
    if (token) return verifiableClaims(await decodeClaims(token, secret, name));
  }
  return null;
}

export async function sessionUserFromCookieHeader(cookieHeader: string | undefined, db: Queryable = getDb()): Promise<SessionUser | null> {
  const claims = await sessionClaimsFromCookieHeader(cookieHeader);
  return claims ? resolveSessionUser(db, claims) : null;
}
