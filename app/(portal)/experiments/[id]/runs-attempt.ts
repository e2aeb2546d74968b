"use client";
// One idempotency key per attempt: a double submit or a retry of the same input reuses it, so the server acts once;
// changed input is a new attempt with a new key, and so is the next action after a success (call `done`).
import { useRef } from "react";
import { newIdempotencyKey } from "../experiment-format";

export function useAttemptKey() {
  const attempt = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    keyFor(input: unknown): string {
      const fingerprint = JSON.stringify(input);
      if (attempt.current?.fingerprint !== fingerprint) attempt.current = { fingerprint, key: newIdempotencyKey() };
      return attempt.current.key;
    },
    done() {
      attempt.current = null;
    },
  };
}
