"use client";
// Creating an experiment: in any project where the user may write, starting with the active one.
import Link from "next/link";
import { can } from "@/domain/access";
import { ErrorNotice } from "../../../_components/error-notice";
import { NoProject } from "../../../_components/no-project";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useActiveProject, useMe } from "../../../_lib/use-active-project";
import { CreateExperimentForm } from "./create-experiment-form";

export function NewExperiment() {
  const me = useMe();
  const { project, projects, isLoading, error } = useActiveProject();
  if (isLoading) return <Skeleton lines={8} label="Loading projects" />;
  if (error) return <ErrorNotice message={messageOf(error)} onRetry={() => void me.refetch()} />;
  if (projects.length === 0) return <NoProject />;

  const writable = projects.filter((p) => can(p.role, "experiments:write"));
  const initial = writable.find((p) => p.id === project?.id) ?? writable[0];
  return (
    <>
      <p>
        <Link href="/experiments">← Experiments</Link>
      </p>
      <h1>New experiment</h1>
      {initial ? (
        <CreateExperimentForm projects={writable} initialProjectId={initial.id} />
      ) : (
        <EmptyState title="You cannot create experiments yet">
          <p>You are a viewer in all your projects. Ask an owner to make you an editor, or create a project of your own.</p>
        </EmptyState>
      )}
    </>
  );
}
