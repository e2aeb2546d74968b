"use client";
// Switching the active project is remembered per user on the server, so it follows them across devices.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "../../_lib/trpc";
import { useActiveProject } from "../../_lib/use-active-project";
import { CreateProjectDialog } from "./create-project-dialog";

export function ProjectSwitcher() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { project, projects, isLoading } = useActiveProject();
  const [creating, setCreating] = useState(false);
  const setActive = useMutation(
    trpc.user.setActiveProject.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        toast.success("Switched project");
      },
    }),
  );

  if (isLoading) return <div className="skeleton" style={{ width: 200 }} aria-label="Loading projects" />;
  return (
    <div className="row">
      {projects.length > 0 ? (
        <>
          <label htmlFor="project-switcher" className="muted">
            Project
          </label>
          <select
            id="project-switcher"
            className="input"
            style={{ width: "16rem" }}
            value={project?.id ?? ""}
            disabled={setActive.isPending}
            onChange={(e) => setActive.mutate({ projectId: e.target.value })}
          >
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.role})
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className="muted">No project yet</span>
      )}
      <button type="button" className="btn btn-small" onClick={() => setCreating(true)}>
        + New project
      </button>
      <CreateProjectDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
