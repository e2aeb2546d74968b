"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { createProjectInput } from "@/contracts/project";
import { useTRPC } from "../../_lib/trpc";
import { FormDialog } from "../dialog";
import { Field, useFormSubmit } from "../form";

export function CreateProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.project.create.mutationOptions());
  const form = useFormSubmit({
    schema: createProjectInput,
    submit: async (input) => {
      const project = await create.mutateAsync(input);
      await queryClient.invalidateQueries();
      toast.success(`Project “${project.name}” created`);
      onClose();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="New project"
      testId="create-project-dialog"
      form={form}
      submit={{ label: "Create project", pendingLabel: "Creating…" }}
    >
      <Field name="name" label="Name" errors={form.errors} autoFocus />
      <Field name="description" label="Description" errors={form.errors} multiline />
    </FormDialog>
  );
}
