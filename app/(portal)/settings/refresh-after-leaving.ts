"use client";
// After a project is gone for this user (deleted, or they removed themselves), refresh every query except that
// project's own: refetching those could only fail with "Project not found".
import { useQueryClient, type QueryKey } from "@tanstack/react-query";

/** tRPC query keys look like `[path, { input, type }]`; this reads `input.projectId` when there is one. */
function projectIdOf(queryKey: QueryKey): unknown {
  const params = queryKey[1];
  if (typeof params !== "object" || params === null || !("input" in params)) return undefined;
  const input = params.input;
  return typeof input === "object" && input !== null && "projectId" in input ? input.projectId : undefined;
}

export function useRefreshAfterLeaving() {
  const queryClient = useQueryClient();
  return (projectId: string) => queryClient.invalidateQueries({ predicate: (query) => projectIdOf(query.queryKey) !== projectId });
}
