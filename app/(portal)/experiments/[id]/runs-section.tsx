"use client";
// The experiment's runs: New run, the structured filter (applied filter and sort in the URL), the table with its
// param columns, and batch actions on the selected runs.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { can } from "@/domain/access";
import { ExportLinks } from "../../../_components/export-links";
import { RunFilterBuilder } from "../../../_components/run-filter/run-filter-builder";
import { encodeRunFilter } from "../../../_components/run-filter/url";
import { useTRPC } from "../../../_lib/trpc";
import { RunCreateDialog } from "./runs-create-dialog";
import { runSortParam } from "./runs-format";
import { RunsResults } from "./runs-results";
import { useRunsView } from "./runs-view";

interface RunsSectionProps {
  experimentId: string;
  projectId: string;
  /** May the viewer write runs in this project? Without it, the role comes from the cached `project.locate` answer. */
  canWrite?: boolean;
}

/** The role in the experiment's own project (the one the detail page located), not in the active project. */
function useCanWriteRuns(experimentId: string, canWrite: boolean | undefined): boolean {
  const trpc = useTRPC();
  const located = useQuery(trpc.project.locate.queryOptions({ kind: "experiment", id: experimentId }, { enabled: canWrite === undefined }));
  return canWrite ?? (located.data ? can(located.data.role, "runs:write") : false);
}

export function RunsSection({ experimentId, projectId, canWrite: canWriteProp }: RunsSectionProps) {
  const trpc = useTRPC();
  const canWrite = useCanWriteRuns(experimentId, canWriteProp);
  const view = useRunsView();
  const paramKeys = useQuery(trpc.run.paramKeys.queryOptions({ projectId, experimentId }));
  const [creating, setCreating] = useState(false);
  const viewKey = `${view.filter ? encodeRunFilter(view.filter) : ""}|${runSortParam(view.sort)}`;

  return (
    <section aria-label="Runs" data-testid="runs-section" className="card">
      <div className="row" style={{ marginBottom: "0.75rem" }}>
        <h2 style={{ margin: 0 }}>Runs</h2>
        <span className="spacer" />
        <ExportLinks path="/api/v1/export/runs" params={{ projectId, experimentId }} filter={view.filter} testIdPrefix="runs-export" />
        {canWrite ? (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="run-new-button">
            New run
          </button>
        ) : null}
      </div>
      {view.invalidFilter ? (
        <div className="form-error row" role="alert" data-testid="runs-filter-link-invalid">
          <span>The filter in this link is not valid, so all runs are shown.</span>
          <span className="spacer" />
          <button type="button" className="btn btn-small" onClick={() => view.setFilter(undefined)}>
            Remove it from the link
          </button>
        </div>
      ) : null}
      <RunFilterBuilder value={view.filter} onChange={view.setFilter} paramKeys={paramKeys.data ?? []} />
      <RunsResults
        key={viewKey}
        projectId={projectId}
        experimentId={experimentId}
        filter={view.filter}
        sort={view.sort}
        onSort={view.setSort}
        canWrite={canWrite}
        onClearFilter={() => view.setFilter(undefined)}
        onCreate={() => setCreating(true)}
      />
      {canWrite ? <RunCreateDialog open={creating} onClose={() => setCreating(false)} projectId={projectId} experimentId={experimentId} /> : null}
    </section>
  );
}
