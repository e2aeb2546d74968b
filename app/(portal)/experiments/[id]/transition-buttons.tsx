"use client";
// One button per status the experiment may move to next (from the domain's state machine). Archiving hides the
// experiment from day-to-day work, so it asks first; the others are one click and can be followed by the next step.
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { transitionExperimentInput } from "@/contracts/experiment";
import { experimentStatus, type ExperimentStatus } from "@/domain/experiment/status";
import { FormDialog } from "../../../_components/dialog";
import { FormError, useFormSubmit } from "../../../_components/form";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { TRANSITIONS } from "../experiment-format";
import type { ExperimentDetails } from "./experiment-info";
import { useRefreshExperiments } from "./use-refresh-experiments";

interface Props {
  projectId: string;
  experiment: Pick<ExperimentDetails, "id" | "name" | "status">;
}

function useTransitionMutation() {
  const trpc = useTRPC();
  const refresh = useRefreshExperiments();
  return useMutation(
    trpc.experiment.transition.mutationOptions({
      onSuccess: async (_data, input) => {
        toast.success(TRANSITIONS[input.to].done);
        await refresh.all();
      },
    }),
  );
}

export function TransitionButtons({ projectId, experiment, onArchive }: Props & { onArchive: () => void }) {
  const transition = useTransitionMutation();
  const targets = experimentStatus.allowedFrom(experiment.status);
  const move = (to: ExperimentStatus) => (to === "archived" ? onArchive() : transition.mutate({ projectId, id: experiment.id, to }));
  return (
    <>
      {targets.map((to) => (
        <button
          key={to}
          type="button"
          className="btn"
          disabled={transition.isPending}
          onClick={() => move(to)}
          data-testid={`experiment-transition-${to}`}
        >
          {transition.isPending && transition.variables.to === to ? "Saving…" : TRANSITIONS[to].label}
        </button>
      ))}
      {transition.isError ? <FormError message={messageOf(transition.error)} /> : null}
    </>
  );
}

export function ArchiveExperimentDialog({ open, onClose, projectId, experiment }: Props & { open: boolean; onClose: () => void }) {
  const transition = useTransitionMutation();
  const form = useFormSubmit({
    schema: transitionExperimentInput,
    values: () => ({ projectId, id: experiment.id, to: "archived" }),
    submit: async (input) => {
      await transition.mutateAsync(input);
      onClose();
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Archive experiment"
      testId="experiment-archive-dialog"
      formLabel="Archive experiment"
      form={form}
      submit={{ label: "Archive", pendingLabel: "Archiving…", testId: "experiment-archive-submit" }}
    >
      <p>
        Archive <strong>{experiment.name}</strong>? An archived experiment is read-only history: it cannot be reactivated.
      </p>
    </FormDialog>
  );
}
