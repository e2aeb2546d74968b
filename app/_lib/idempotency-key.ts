"use client";
// Idempotency keys for the forms: one key per attempt, so a double submit or a retry of the same input reuses it and
// the server acts once; changed input is a new attempt with a new key, and so is the next action after a success.
import { useRef } from "react";

/** crypto.randomUUID only exists in secure contexts (https, localhost); a lab server on plain http still has getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function useAttemptKey() {
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    keyFor(input: unknown): string {
      const fingerprint = JSON.stringify(input);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: newIdempotencyKey() };
      return attempt.current.key;
    },
    /** After a success: the next submission is a new attempt, even with the same values. */
    done() {
      attempt.current = null;
    },
  };
}
