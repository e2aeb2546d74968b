// Sensor credentials: a bearer token shown once, stored only as a SHA-256 hash plus a short hint.
// Rotation keeps the old credential alive for a grace period so a fleet can be re-flashed without a gap in ingest.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DomainError } from "../errors";

export const SENSOR_TOKEN_PREFIX = "etp_";
export const DEFAULT_ROTATION_GRACE_MINUTES = 15;
/** Seven days: longer than that and a "rotated" token is effectively a second live credential. */
export const MAX_ROTATION_GRACE_MINUTES = 7 * 24 * 60;

const TOKEN_RANDOM_BYTES = 32;
// 32 bytes in unpadded base64url is always 43 characters.
const TOKEN_PATTERN = /^etp_[A-Za-z0-9_-]{43}$/;

export function generateSensorToken(): { token: string; hash: string; hint: string } {
  const token = SENSOR_TOKEN_PREFIX + randomBytes(TOKEN_RANDOM_BYTES).toString("base64url");
  return { token, hash: hashSensorToken(token), hint: tokenHint(token) };
}

export function hashSensorToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Enough to tell two tokens apart in a list, never enough to guess one. */
export function tokenHint(token: string): string {
  return `${SENSOR_TOKEN_PREFIX}…${token.slice(-4)}`;
}

/** Constant-time for equal lengths; a length mismatch leaks only the length, which is public (64 hex chars). */
export function tokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** Cheap shape check so malformed headers are refused before any hashing or database lookup. */
export function looksLikeSensorToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** Revoked is final; an expiry (set on the old credential at rotation) ends it at that instant, not after. */
export function isCredentialActive(c: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): boolean {
  if (c.revokedAt !== null) return false;
  return c.expiresAt === null || now.getTime() < c.expiresAt.getTime();
}

/** When the replaced credential stops working; grace 0 means it stops now. */
export function rotationExpiry(now: Date, graceMinutes: number): Date {
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0 || graceMinutes > MAX_ROTATION_GRACE_MINUTES) {
    throw new DomainError("BAD_INPUT", `The grace period must be a whole number of minutes from 0 to ${MAX_ROTATION_GRACE_MINUTES} (7 days).`, {
      fieldErrors: { graceMinutes: [`Enter whole minutes from 0 to ${MAX_ROTATION_GRACE_MINUTES}`] },
    });
  }
  return new Date(now.getTime() + graceMinutes * 60_000);
}
