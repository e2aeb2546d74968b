"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { updateProjectInput } from "@/contracts/project";
import { Dialog } from "../../_components/dialog";
import { Field, FormError, formValues, useContractForm } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";

interface ProjectDialogProps {
  open: boolean;
  onClose: () => void;
  project: { id: string; name: string; description: string };
}

export function ProjectDialog({ open, onClose, project }: ProjectDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useContractForm(updateProjectInput);
  const update = useMutation(trpc.project.update.mutationOptions());

  function close() {
    form.reset();
    onClose();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate({ ...formValues(event.currentTarget), projectId: project.id });
    if (!input) return;
    try {
      await update.mutateAsync(input);
      // The name also shows in the project switcher, which reads `user.me`.
      await queryClient.invalidateQueries();
      toast.success("Project saved");
      close();
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <Dialog open={open} onClose={close} title="Edit project" testId="project-dialog">
      <form onSubmit={onSubmit} noValidate aria-label="Edit project">
        <div className="dialog-body">
          <FormError message={form.formError} />
          <Field name="name" label="Name" defaultValue={project.name} errors={form.errors} autoFocus />
          <Field name="description" label="Description" defaultValue={project.description} errors={form.errors} multiline />
        </div>
        <div className="dialog-footer">
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save project"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
