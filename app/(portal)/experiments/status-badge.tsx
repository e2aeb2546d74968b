// An experiment's status as a coloured pill; the words carry the meaning, the colour only helps scanning.
import type { CSSProperties } from "react";
import type { ExperimentStatus } from "@/domain/experiment/status";

const STYLES: Record<ExperimentStatus, CSSProperties> = {
  draft: { background: "#eef0f3", color: "var(--muted)" },
  active: { background: "var(--accent-weak)", color: "var(--accent)" },
  completed: { background: "#e3f4ea", color: "var(--ok)" },
  archived: { background: "#f1f1f1", color: "#6b6b6b", fontStyle: "italic" },
};

export function StatusBadge({ status }: { status: ExperimentStatus }) {
  return (
    <span className="badge" style={STYLES[status]} data-testid="experiment-status" data-status={status}>
      {status}
    </span>
  );
}
