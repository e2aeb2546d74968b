"use client";
// Deleting asks for the project name, typed exactly, before the Delete button wakes up.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { deleteProjectInput } from "@/contracts/project";
import { Dialog } from "../../_components/dialog";
import { FormError, useContractForm } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";
import { useRefreshAfterLeaving } from "./refresh-after-leaving";

interface DeleteProjectDialogProps {
  open: boolean;
  onClose: () => void;
  project: { id: string; name: string };
}

export function DeleteProjectDialog({ open, onClose, project }: DeleteProjectDialogProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const refreshAfterLeaving = useRefreshAfterLeaving();
  const form = useContractForm(deleteProjectInput);
  const remove = useMutation(trpc.project.delete.mutationOptions());
  const [typed, setTyped] = useState("");
  const errors = form.errors.confirmName;

  function close() {
    form.reset();
    setTyped("");
    onClose();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate({ projectId: project.id, confirmName: typed });
    if (!input || typed !== project.name) return;
    try {
      await remove.mutateAsync(input);
      toast.success("Project deleted");
      close();
      router.push("/experiments");
      await refreshAfterLeaving(project.id);
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <Dialog open={open} onClose={close} title="Delete project" testId="project-delete-dialog">
      <form onSubmit={onSubmit} noValidate aria-label="Delete project">
        <div className="dialog-body">
          <FormError message={form.formError} />
          <p>
            This deletes <strong>{project.name}</strong> with all its experiments, runs and members. It cannot be undone.
          </p>
          <div className="field">
            <label htmlFor="project-delete-confirm">Type the project name to confirm</label>
            <input
              id="project-delete-confirm"
              className="input"
              autoComplete="off"
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-invalid={Boolean(errors?.length)}
              aria-describedby={errors?.length ? "project-delete-confirm-error" : undefined}
              data-testid="project-delete-confirm-input"
            />
            {errors?.length ? (
              <span className="field-error" id="project-delete-confirm-error" role="alert">
                {errors.join(". ")}
              </span>
            ) : null}
          </div>
        </div>
        <div className="dialog-footer">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn-danger"
            disabled={typed !== project.name || remove.isPending}
            data-testid="project-delete-submit"
          >
            {remove.isPending ? "Deleting…" : "Delete"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
