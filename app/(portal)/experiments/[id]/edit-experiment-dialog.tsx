"use client";
// Editing sends only the fields that changed, so the audit trail shows exactly what the user touched.
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import { ExperimentFields, updateExperimentForm } from "../experiment-fields";
import { changedFields, metadataText } from "../experiment-format";
import type { ExperimentDetails } from "./experiment-info";
import { useRefreshExperiments } from "./use-refresh-experiments";

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  experiment: ExperimentDetails;
}

export function EditExperimentDialog({ open, onClose, projectId, experiment }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshExperiments();
  const update = useMutation(trpc.experiment.update.mutationOptions());
  const form = useFormSubmit({
    schema: updateExperimentForm,
    values: (fields) => ({ ...fields, projectId, id: experiment.id }),
    submit: async ({ name = experiment.name, description = experiment.description, type = experiment.type, tags, metadata }) => {
      const changes = changedFields(experiment, { name, description, type, tags, metadata });
      if (Object.keys(changes).length === 0) {
        toast.info("Nothing changed");
        onClose();
        return;
      }
      await update.mutateAsync({ projectId, id: experiment.id, ...changes });
      toast.success("Experiment saved");
      onClose();
      await refresh.all();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Edit experiment"
      testId="experiment-edit-dialog"
      formLabel="Edit experiment"
      form={form}
      submit={{ label: "Save", pendingLabel: "Saving…", testId: "experiment-edit-submit" }}
    >
      <ExperimentFields
        projectId={projectId}
        errors={form.errors}
        idPrefix="experiment-edit"
        defaults={{
          name: experiment.name,
          description: experiment.description,
          type: experiment.type,
          tags: experiment.tags.join(", "),
          metadata: metadataText(experiment.metadata),
        }}
      />
    </FormDialog>
  );
}
