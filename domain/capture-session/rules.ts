// Capture-session invariants: they live inside running runs, and recorded data is never thrown away.
import { DomainError } from "../errors";
import type { RunStatus } from "../run/status";
import type { CaptureSessionStatus } from "./status";

export function assertRunAcceptsSession(runStatus: RunStatus): void {
  if (runStatus !== "running") {
    throw new DomainError("CONFLICT", `Capture sessions start only in a running run; this run is ${runStatus}. Start the run first.`, {
      reason: "run_not_running",
      runStatus,
    });
  }
}

export type SessionRemoval = "delete" | "archive";

/** A running session cannot go; one that holds telemetry is archived so its readings stay attached. */
export function decideSessionRemoval(status: CaptureSessionStatus, hasTelemetry: boolean, ordinal: number): SessionRemoval {
  if (status === "running") {
    throw new DomainError("CONFLICT", `Capture session #${ordinal} is running. Stop it before deleting it.`, { reason: "session_running" });
  }
  return hasTelemetry ? "archive" : "delete";
}
