"use client";
// When an experiment or run lives outside the active project the page still works (it uses the located project), but the
// rest of the portal would show another project, so we say so and offer to switch.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { toast } from "sonner";
import type { AppRouter } from "@/server/trpc/app-router";
import { messageOf } from "../_lib/errors";
import { useTRPC } from "../_lib/trpc";
import { useActiveProject } from "../_lib/use-active-project";
import { FormError } from "./form";

/** Where `project.locate` found an experiment or run, and the user's role there. */
export type Located = inferRouterOutputs<AppRouter>["project"]["locate"];

export function ProjectNotice({ located, subject = "experiment" }: { located: Located; subject?: "experiment" | "run" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { project, isLoading } = useActiveProject();
  const switchProject = useMutation(
    trpc.user.setActiveProject.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        toast.success(`Switched to ${located.projectName}`);
      },
    }),
  );
  if (isLoading || project?.id === located.projectId) return null;
  return (
    <div className="card row" role="status" data-testid={`${subject}-project-notice`}>
      <span>
        This {subject} is in <strong>{located.projectName}</strong>, not in your active project{project ? ` (${project.name})` : ""}.
      </span>
      <span className="spacer" />
      <button
        type="button"
        className="btn btn-small"
        disabled={switchProject.isPending}
        onClick={() => switchProject.mutate({ projectId: located.projectId })}
      >
        {switchProject.isPending ? "Switching…" : `Switch to ${located.projectName}`}
      </button>
      {switchProject.isError ? <FormError message={messageOf(switchProject.error)} /> : null}
    </div>
  );
}
