// Run and capture-session statuses as coloured pills; the words carry the meaning, the colour only helps scanning.
import type { CSSProperties } from "react";
import type { CaptureSessionStatus } from "@/domain/capture-session/status";
import type { RunStatus } from "@/domain/run/status";

const MUTED: CSSProperties = { background: "#eef0f3", color: "var(--muted)" };
const LIVE: CSSProperties = { background: "var(--accent-weak)", color: "var(--accent)" };
const OK: CSSProperties = { background: "#e3f4ea", color: "var(--ok)" };
const BAD: CSSProperties = { background: "var(--danger-weak)", color: "var(--danger)" };
const GONE: CSSProperties = { background: "#f1f1f1", color: "#6b6b6b", fontStyle: "italic" };

const RUN_STYLES: Record<RunStatus, CSSProperties> = { draft: MUTED, running: LIVE, succeeded: OK, failed: BAD, archived: GONE };
const SESSION_STYLES: Record<CaptureSessionStatus, CSSProperties> = { running: LIVE, stopped: OK, failed: BAD, archived: GONE };

export function RunStatusBadge({ status, testId }: { status: RunStatus; testId?: string }) {
  return (
    <span className="badge" style={RUN_STYLES[status]} data-testid={testId} data-status={status}>
      {status}
    </span>
  );
}

export function SessionStatusBadge({ status }: { status: CaptureSessionStatus }) {
  return (
    <span className="badge" style={SESSION_STYLES[status]} data-testid="session-status" data-status={status}>
      {status}
    </span>
  );
}
