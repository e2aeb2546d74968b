// Where a batch may land: data for a finished (succeeded/failed) run is kept and flagged late rather than dropped,
// because sensors buffer and retry; an archived run is frozen, so ingest into it is refused.
import type { CaptureSessionStatus } from "../capture-session/status";
import { DomainError } from "../errors";
import type { RunStatus } from "../run/status";

export interface LateDataInput {
  runStatus: RunStatus;
  sessionStatus?: CaptureSessionStatus | null;
}

/** `{ late }` for the readings of this batch, or DomainError CONFLICT (run_archived / session_archived). */
export function decideLateData({ runStatus, sessionStatus }: LateDataInput): { late: boolean } {
  if (runStatus === "archived") {
    throw new DomainError("CONFLICT", "This run is archived and accepts no more telemetry.", { reason: "run_archived" });
  }
  if (sessionStatus === "archived") {
    throw new DomainError("CONFLICT", "This capture session is archived and accepts no more telemetry.", { reason: "session_archived" });
  }
  const runEnded = runStatus === "succeeded" || runStatus === "failed";
  const sessionEnded = sessionStatus === "stopped" || sessionStatus === "failed";
  return { late: runEnded || sessionEnded };
}
