"use client";
// Deleting asks for the project name, typed exactly, before the Delete button wakes up.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { deleteProjectInput } from "@/contracts/project";
import { FormDialog } from "../../_components/dialog";
import { Field, useFormSubmit } from "../../_components/form";
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
  const remove = useMutation(trpc.project.delete.mutationOptions());
  const [typed, setTyped] = useState("");
  const form = useFormSubmit({
    schema: deleteProjectInput,
    values: () => ({ projectId: project.id, confirmName: typed }),
    submit: async (input) => {
      if (input.confirmName !== project.name) return;
      await remove.mutateAsync(input);
      toast.success("Project deleted");
      close();
      router.push("/experiments");
      await refreshAfterLeaving(project.id);
    },
  });

  function close() {
    setTyped("");
    onClose();
  }

  return (
    <FormDialog
      open={open}
      onClose={close}
      title="Delete project"
      testId="project-delete-dialog"
      formLabel="Delete project"
      form={form}
      submit={{
        label: "Delete",
        pendingLabel: "Deleting…",
        variant: "danger",
        disabled: typed !== project.name,
        testId: "project-delete-submit",
      }}
    >
      <p>
        This deletes <strong>{project.name}</strong> with all its experiments, runs and members. It cannot be undone.
      </p>
      <Field
        name="confirmName"
        id="project-delete-confirm"
        label="Type the project name to confirm"
        errors={form.errors}
        autoComplete="off"
        autoFocus
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        testId="project-delete-confirm-input"
      />
    </FormDialog>
  );
}
