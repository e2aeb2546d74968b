// The fingerprint of a request body: key order does not matter, the idempotency key itself is left out.
import { createHash } from "node:crypto";

export const IDEMPOTENCY_TTL_HOURS = 24;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .filter((k) => k !== "idempotencyKey" && (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function requestFingerprint(input: unknown): string {
  return createHash("sha256").update(JSON.stringify(canonical(input) ?? null)).digest("hex");
}
