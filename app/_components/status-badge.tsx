// Experiment, run and capture-session statuses as coloured pills; the words carry the meaning, the colour only helps
// scanning. The same word looks the same everywhere: waiting is muted, live is accent, done is green, failed is red.
import type { CSSProperties } from "react";
import type { CaptureSessionStatus } from "@/domain/capture-session/status";
import type { ExperimentStatus } from "@/domain/experiment/status";
import type { RunStatus } from "@/domain/run/status";

export type AnyStatus = ExperimentStatus | RunStatus | CaptureSessionStatus;

const MUTED: CSSProperties = { background: "#eef0f3", color: "var(--muted)" };
const LIVE: CSSProperties = { background: "var(--accent-weak)", color: "var(--accent)" };
const OK: CSSProperties = { background: "#e3f4ea", color: "var(--ok)" };
const BAD: CSSProperties = { background: "var(--danger-weak)", color: "var(--danger)" };
const GONE: CSSProperties = { background: "#f1f1f1", color: "#6b6b6b", fontStyle: "italic" };

const STYLES: Record<AnyStatus, CSSProperties> = {
  draft: MUTED,
  active: LIVE,
  running: LIVE,
  completed: OK,
  succeeded: OK,
  stopped: OK,
  failed: BAD,
  archived: GONE,
};

/** `testId` is e.g. "run-status", "experiment-status", "session-status"; left out where the badge is not a test target. */
export function StatusBadge({ status, testId }: { status: AnyStatus; testId?: string }) {
  return (
    <span className="badge" style={STYLES[status]} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}
