"use client";
import { useState } from "react";
import { CreateProjectDialog } from "./shell/create-project-dialog";
import { EmptyState } from "./skeleton";

export function NoProject() {
  const [open, setOpen] = useState(false);
  return (
    <EmptyState title="You are not in any project yet">
      <p>Create a project to organise experiments, or ask a colleague to add you to theirs.</p>
      <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
        Create your first project
      </button>
      <CreateProjectDialog open={open} onClose={() => setOpen(false)} />
    </EmptyState>
  );
}
