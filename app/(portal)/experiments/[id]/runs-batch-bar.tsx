"use client";
// What can be done with the selected runs: set their status, edit their tags (both with runs:write) and compare them
// (2–10 runs, for everyone who can read them). The dialogs work on the runs selected when they opened, and stay open
// (with their results) even if those runs then leave the view.
import { useRouter } from "next/navigation";
import { BatchStatusDialog } from "./runs-batch-status-dialog";
import { BulkTagsDialog } from "./runs-bulk-tags-dialog";
import { compareHref } from "./runs-format";

const COMPARE = { min: 2, max: 10 } as const;

type SelectedRuns = ReadonlyArray<{ id: string; name: string }>;
export type BatchAction = { kind: "status" | "tags"; runs: SelectedRuns } | null;

interface BarProps {
  projectId: string;
  runs: SelectedRuns;
  canWrite: boolean;
  onAction: (action: BatchAction) => void;
  onClearSelection: () => void;
}

export function RunsBatchBar({ projectId, runs, canWrite, onAction, onClearSelection }: BarProps) {
  const router = useRouter();
  const count = runs.length;
  const comparable = count >= COMPARE.min && count <= COMPARE.max;
  return (
    <div
      className="row"
      role="group"
      aria-label="Batch actions on the selected runs"
      data-testid="runs-batch-bar"
      style={{ background: "var(--accent-weak)", borderRadius: "var(--radius)", padding: "0.5rem 0.75rem", margin: "0.5rem 0" }}
    >
      <strong role="status" data-testid="runs-selected-count">
        {count} selected
      </strong>
      <button type="button" className="btn btn-link" onClick={onClearSelection}>
        Clear selection
      </button>
      <span className="spacer" />
      {canWrite ? (
        <>
          <button type="button" className="btn btn-small" onClick={() => onAction({ kind: "status", runs })} data-testid="runs-batch-status">
            Set status…
          </button>
          <button type="button" className="btn btn-small" onClick={() => onAction({ kind: "tags", runs })} data-testid="runs-bulk-tags">
            Tags…
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        disabled={!comparable}
        title={comparable ? undefined : `Select ${COMPARE.min} to ${COMPARE.max} runs to compare them`}
        onClick={() => router.push(compareHref(projectId, runs.map((run) => run.id)))}
        data-testid="runs-compare"
      >
        Compare
      </button>
    </div>
  );
}

export function BatchDialogs({ projectId, action, onClose }: { projectId: string; action: BatchAction; onClose: () => void }) {
  const runs = action?.runs ?? [];
  return (
    <>
      <BatchStatusDialog open={action?.kind === "status"} onClose={onClose} projectId={projectId} runs={runs} />
      <BulkTagsDialog open={action?.kind === "tags"} onClose={onClose} projectId={projectId} runs={runs} />
    </>
  );
}
