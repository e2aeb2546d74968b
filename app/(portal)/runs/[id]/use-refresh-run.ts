"use client";
// What every change to a run or one of its sessions does afterwards: refetch the run, its sessions and its history,
// and the run lists and comparisons that show it.
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../../_lib/trpc";

export function useRefreshRun() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.run.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.captureSession.pathKey() }),
      // The experiment page counts runs by status.
      queryClient.invalidateQueries({ queryKey: trpc.experiment.byId.pathKey() }),
    ]);
}
