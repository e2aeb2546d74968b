"use client";
// Edit, status changes and delete, for members who may write. Each dialog is mounted only while open.
import { useState } from "react";
import { ArchiveExperimentDialog, TransitionButtons } from "./transition-buttons";
import { DeleteExperimentDialog } from "./delete-experiment-dialog";
import { EditExperimentDialog } from "./edit-experiment-dialog";
import type { ExperimentDetails } from "./experiment-info";

type OpenDialog = "edit" | "archive" | "delete" | null;

export function ExperimentActions({ projectId, experiment }: { projectId: string; experiment: ExperimentDetails }) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  return (
    <div className="row" role="group" aria-label="Experiment actions">
      <button type="button" className="btn" onClick={() => setDialog("edit")} data-testid="experiment-edit-button">
        Edit
      </button>
      <TransitionButtons projectId={projectId} experiment={experiment} onArchive={() => setDialog("archive")} />
      <button type="button" className="btn btn-danger" onClick={() => setDialog("delete")} data-testid="experiment-delete-button">
        Delete
      </button>
      <EditExperimentDialog open={dialog === "edit"} onClose={close} projectId={projectId} experiment={experiment} />
      <ArchiveExperimentDialog open={dialog === "archive"} onClose={close} projectId={projectId} experiment={experiment} />
      <DeleteExperimentDialog open={dialog === "delete"} onClose={close} projectId={projectId} experiment={experiment} />
    </div>
  );
}
