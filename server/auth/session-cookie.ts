// The signed-in user from a Cookie header, or null when the session cookie is missing, tampered, expired or revoked.
// The cookie is decoded directly: next-auth's auth() would also re-encrypt and re-set it on every call. This module must
// not import next/headers (or anything that loads it): the node:http tRPC handler imports it before Next.js has started,
// and loading Next's request-scoped storage that early leaves Next with a fake AsyncLocalStorage that throws on use.
import { parseCookie, stringifySetCookie } from "cookie";
import { LRUCache } from "lru-cache";
import { decode, encode } from "next-auth/jwt";
import { getDb, type Queryable } from "../../db/client";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "./session-settings";
import { resolveSessionUser, verifiableClaims, type SessionUser, type VerifiableClaims } from "./session-user";

/** next-auth's cookie names: the __Secure- one over https. Each name is also the salt of its token. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Claims = { uid?: unknown; sv?: unknown; exp?: unknown; iat?: unknown; jti?: unknown; [claim: string]: unknown } | null;

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

export interface SessionCookie {
  /** Decoded, not yet checked against the database. */
  claims: VerifiableClaims;
  /** A Set-Cookie value carrying the same session with a fresh lifetime, when the token is due for renewal; else null. */
  renewal: string | null;
}

async function decodeSessionCookie(cookieHeader: string | undefined) {
  const secret = process.env.AUTH_SECRET;
  if (!secret || !cookieHeader) return null;
  const jar = parseCookie(cookieHeader);
  const name = SESSION_COOKIE_NAMES.find((candidate) => jar[candidate]);
  if (!name) return null;
  const decoded = await decodeClaims(jar[name]!, secret, name);
  const claims = verifiableClaims(decoded);
  return claims && decoded ? { name, secret, decoded, claims } : null;
}

/** The session cookie's claims, and its renewal when it is older than SESSION_UPDATE_AGE_SECONDS; null without a usable cookie. */
export async function readSessionCookie(cookieHeader: string | undefined, now = Date.now()): Promise<SessionCookie | null> {
  const session = await decodeSessionCookie(cookieHeader);
  if (!session) return null;
  const issuedAt = typeof session.decoded.iat === "number" ? session.decoded.iat : 0;
  const due = now / 1000 - issuedAt >= SESSION_UPDATE_AGE_SECONDS;
  return { claims: session.claims, renewal: due ? await renewedCookie(session.name, session.decoded, session.secret) : null };
}

// The same claims (user, session version, profile) under a new iat/exp/jti, in the attributes next-auth gives the cookie.
async function renewedCookie(name: (typeof SESSION_COOKIE_NAMES)[number], claims: NonNullable<Claims>, secret: string): Promise<string> {
  const { iat: _iat, exp: _exp, jti: _jti, ...token } = claims;
  const value = await encode({ token, secret, salt: name, maxAge: SESSION_MAX_AGE_SECONDS });
  return stringifySetCookie(name, value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: name.startsWith("__Secure-"),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** The session token's claims (decoded, not yet checked against the database), or null without a usable cookie. */
export async function sessionClaimsFromCookieHeader(cookieHeader: string | undefined): Promise<VerifiableClaims | null> {
  return (await decodeSessionCookie(cookieHeader))?.claims ?? null;
}

export async function sessionUserFromCookieHeader(cookieHeader: string | undefined, db: Queryable = getDb()): Promise<SessionUser | null> {
  const claims = await sessionClaimsFromCookieHeader(cookieHeader);
  return claims ? resolveSessionUser(db, claims) : null;
}
