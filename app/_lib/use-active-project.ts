"use client";
// The signed-in user and the active project, from one cached `user.me` query shared by the whole shell.
import { useQuery } from "@tanstack/react-query";
import { can, type Scope } from "@/domain/access";
import { useTRPC } from "./trpc";

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.user.me.queryOptions());
}

export function useActiveProject() {
  const me = useMe();
  const project = me.data?.activeProject ?? null;
  return {
    isLoading: me.isLoading,
    error: me.error,
    project,
    projects: me.data?.projects ?? [],
    /** Hide controls the role cannot use; the server still enforces every scope. */
    can: (scope: Scope) => Boolean(project && can(project.role, scope)),
  };
}
