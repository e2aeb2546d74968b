"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { updateProjectInput } from "@/contracts/project";
import { FormDialog } from "../../_components/dialog";
import { Field, useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";

interface ProjectDialogProps {
  open: boolean;
  onClose: () => void;
  project: { id: string; name: string; description: string };
}

export function ProjectDialog({ open, onClose, project }: ProjectDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.project.update.mutationOptions());
  const form = useFormSubmit({
    schema: updateProjectInput,
    values: (fields) => ({ ...fields, projectId: project.id }),
    submit: async (input) => {
      await update.mutateAsync(input);
      // The name also shows in the project switcher, which reads `user.me`.
      await queryClient.invalidateQueries();
      toast.success("Project saved");
      onClose();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Edit project"
      testId="project-dialog"
      formLabel="Edit project"
      form={form}
      submit={{ label: "Save project", pendingLabel: "Saving…" }}
    >
      <Field name="name" label="Name" defaultValue={project.name} errors={form.errors} autoFocus />
      <Field name="description" label="Description" defaultValue={project.description} errors={form.errors} multiline />
    </FormDialog>
  );
}
