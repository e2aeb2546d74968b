// Run invariants beyond the status table.
import { DomainError } from "../errors";
import { FINAL_RUN_STATUSES, type RunStatus } from "./status";

/** A run cannot be finalised (succeeded, failed, archived) while one of its capture sessions is running. */
export function assertCanFinalize(target: RunStatus, runningSessionOrdinal: number | null): void {
  if (runningSessionOrdinal !== null && FINAL_RUN_STATUSES.includes(target)) {
    throw new DomainError(
      "CONFLICT",
      `Capture session #${runningSessionOrdinal} is still running. Stop it before marking the run ${target}.`,
      { reason: "session_running", ordinal: runningSessionOrdinal },
    );
  }
}

/** Milliseconds from start to finish, or to now while the run is still open; null before it started. */
export function runDurationMs(startedAt: Date | null, finishedAt: Date | null, now: Date = new Date()): number | null {
  if (!startedAt) return null;
  return Math.max(0, (finishedAt ?? now).getTime() - startedAt.getTime());
}

/** Timestamps that follow a status change: started on entering running, finished on leaving it. */
export function timestampsFor(target: RunStatus, now: Date): { startedAt?: Date; finishedAt?: Date } {
  if (target === "running") return { startedAt: now };
  if (target === "succeeded" || target === "failed") return { finishedAt: now };
  return {};
}

export function assertFailureReason(target: RunStatus, reason: string | undefined): void {
  if (target === "failed" && !reason?.trim()) {
    throw new DomainError("BAD_INPUT", "Say why the run failed.", { fieldErrors: { reason: ["Enter a reason"] } });
  }
}
