"use client";
// The audit trail of the active project: URL-backed filters above, the matching events below.
import { ErrorNotice } from "../../_components/error-notice";
import { NoProject } from "../../_components/no-project";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useActiveProject, useMe } from "../../_lib/use-active-project";
import { AuditFilterBar } from "./audit-filters";
import { AuditResults } from "./audit-results";
import { useAuditFilters } from "./use-audit-filters";

export function AuditView() {
  const me = useMe();
  const { project, isLoading, error } = useActiveProject();
  if (isLoading) return <Skeleton lines={6} label="Loading audit trail" />;
  if (error) return <ErrorNotice message={messageOf(error)} onRetry={() => void me.refetch()} />;
  if (!project) return <NoProject />;
  return <AuditTrail key={project.id} projectId={project.id} projectName={project.name} />;
}

function AuditTrail({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { filters, query, rangeError, hasFilters, setFilter, clear } = useAuditFilters();
  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">Who changed what in {projectName}, newest first.</p>
      <AuditFilterBar projectId={projectId} filters={filters} rangeError={rangeError} onChange={setFilter} onClear={clear} />
      {rangeError ? (
        <EmptyState title="Fix the time range to see events">
          <p>The start of the range is after its end.</p>
        </EmptyState>
      ) : (
        <AuditResults projectId={projectId} query={query} hasFilters={hasFilters} />
      )}
    </>
  );
}
