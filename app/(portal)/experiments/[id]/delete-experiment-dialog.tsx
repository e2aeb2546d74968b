"use client";
// Deleting names the experiment and what goes with it. While a run is still running the server refuses (409), and
// its sentence shows here, in the dialog.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { experimentIdInput } from "@/contracts/experiment";
import { FormDialog } from "../../../_components/dialog";
import { useFormSubmit } from "../../../_components/form";
import { useTRPC } from "../../../_lib/trpc";
import type { ExperimentDetails } from "./experiment-info";
import { useRefreshExperiments } from "./use-refresh-experiments";

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  experiment: Pick<ExperimentDetails, "id" | "name" | "runCounts">;
}

export function DeleteExperimentDialog({ open, onClose, projectId, experiment }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshExperiments();
  const remove = useMutation(trpc.experiment.delete.mutationOptions());
  const form = useFormSubmit({
    schema: experimentIdInput,
    values: () => ({ projectId, id: experiment.id }),
    submit: async (input) => {
      await remove.mutateAsync(input);
      toast.success(`Experiment “${experiment.name}” deleted`);
      onClose();
      router.push("/experiments");
      await refresh.allButDetails();
    },
  });
  const runs = Object.values(experiment.runCounts).reduce((sum, n) => sum + n, 0);

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Delete experiment"
      testId="experiment-delete-dialog"
      formLabel="Delete experiment"
      form={form}
      submit={{ label: "Delete experiment", pendingLabel: "Deleting…", variant: "danger", testId: "experiment-delete-submit" }}
    >
      <p>
        Delete <strong>{experiment.name}</strong>
        {runs > 0 ? ` and its ${runs} ${runs === 1 ? "run" : "runs"}` : ""}? This cannot be undone.
      </p>
    </FormDialog>
  );
}
