"use client";
// The experiments of the active project: URL-backed filters above, the matching experiments below.
import Link from "next/link";
import { ErrorNotice } from "../../_components/error-notice";
import { NoProject } from "../../_components/no-project";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useActiveProject, useMe } from "../../_lib/use-active-project";
import { ExperimentFilterBar } from "./experiment-filters";
import { ExperimentResults } from "./experiment-results";
import { ExportLinks } from "../../_components/export-links";
import { useExperimentFilters } from "./use-experiment-filters";

export function ExperimentList() {
  const me = useMe();
  const { project, isLoading, error, can } = useActiveProject();
  if (isLoading) return <Skeleton lines={6} label="Loading experiments" />;
  if (error) return <ErrorNotice message={messageOf(error)} onRetry={() => void me.refetch()} />;
  if (!project) return <NoProject />;
  // Keyed by project: switching projects starts from its own types and tags.
  return <Experiments key={project.id} projectId={project.id} projectName={project.name} canWrite={can("experiments:write")} />;
}

function Experiments({ projectId, projectName, canWrite }: { projectId: string; projectName: string; canWrite: boolean }) {
  const { filters, query, rangeError, filtered, setFilter, clear } = useExperimentFilters();
  return (
    <>
      <div className="row">
        <div>
          <h1>Experiments</h1>
          <p className="muted">in {projectName}</p>
        </div>
        <span className="spacer" />
        <ExportLinks path="/api/v1/export/experiments" params={{ projectId }} filter={query.filter} testIdPrefix="experiments-export" />
        {canWrite ? (
          <Link href="/experiments/new" className="btn btn-primary" data-testid="experiment-new-button">
            New experiment
          </Link>
        ) : null}
      </div>
      <ExperimentFilterBar projectId={projectId} filters={filters} filtered={filtered} rangeError={rangeError} onChange={setFilter} onClear={clear} />
      {rangeError ? (
        <EmptyState title="Fix the date range to see experiments">
          <p>{rangeError}</p>
        </EmptyState>
      ) : (
        <ExperimentResults projectId={projectId} query={query} filtered={filtered} canWrite={canWrite} onClear={clear} />
      )}
    </>
  );
}
