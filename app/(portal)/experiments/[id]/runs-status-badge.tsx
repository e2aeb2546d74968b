// A run's status as a coloured pill; the words carry the meaning, the colour only helps scanning.
import type { CSSProperties } from "react";
import type { RunStatus } from "@/domain/run/status";

const STYLES: Record<RunStatus, CSSProperties> = {
  draft: { background: "#eef0f3", color: "var(--muted)" },
  running: { background: "var(--accent-weak)", color: "var(--accent)" },
  succeeded: { background: "#e3f4ea", color: "var(--ok)" },
  failed: { background: "var(--danger-weak)", color: "var(--danger)" },
  archived: { background: "#f1f1f1", color: "#6b6b6b", fontStyle: "italic" },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className="badge" style={STYLES[status]} data-testid="run-status" data-status={status}>
      {status}
    </span>
  );
}
