"use client";
// After any run change: the runs (list, param names, run pages) and the experiments, whose run counts moved.
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../_lib/trpc";

export function useRefreshRuns() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.experiment.pathKey() }),
    ]);
}
