"use client";
// What every change to an experiment does afterwards: refresh its page, the lists, and the type and tag suggestions.
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../_lib/trpc";

export function useRefreshExperiments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return {
    /** After an edit or a status change: everything about experiments, this one's page included. */
    all: () => queryClient.invalidateQueries({ queryKey: trpc.experiment.pathKey() }),
    /** After a delete: everything but the deleted experiment's own page, whose refetch could only answer "not found". */
    allButDetails: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.experiment.list.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.experiment.types.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.experiment.tags.pathKey() }),
      ]),
  };
}
