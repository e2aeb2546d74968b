"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { toast } from "sonner";
import { createProjectInput } from "@/contracts/project";
import { useTRPC } from "../../_lib/trpc";
import { Dialog } from "../dialog";
import { Field, FormError, formValues, useContractForm } from "../form";

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useContractForm(createProjectInput);
  const create = useMutation(trpc.project.create.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate(formValues(event.currentTarget));
    if (!input) return;
    try {
      const project = await create.mutateAsync(input);
      await queryClient.invalidateQueries();
      toast.success(`Project “${project.name}” created`);
      onClose();
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="New project" testId="create-project-dialog">
      <form onSubmit={onSubmit} noValidate>
        <div className="dialog-body">
          <FormError message={form.formError} />
          <Field name="name" label="Name" errors={form.errors} autoFocus />
          <Field name="description" label="Description" errors={form.errors} multiline />
        </div>
        <div className="dialog-footer">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create project"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
