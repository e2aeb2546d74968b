"use client";
// The experiment's runs matching the applied filter and sort, 50 at a time ("Load more" walks the cursor), with the
// selection the batch actions work on. Mounted per filter and sort, so a new view starts with nothing selected.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RunFilter } from "@/domain/run/filter";
import { PagedResults } from "../../../_components/paged-results";
import { EmptyState } from "../../../_components/skeleton";
import { useTRPC } from "../../../_lib/trpc";
import { BatchDialogs, RunsBatchBar, type BatchAction } from "./runs-batch-bar";
import { ColumnsMenu, useRunColumns } from "./runs-columns";
import { plural, type RunSort } from "./runs-format";
import { RunsTable } from "./runs-table";

const PAGE_SIZE = 50;

interface Props {
  projectId: string;
  experimentId: string;
  filter: RunFilter | undefined;
  sort: RunSort;
  onSort: (sort: RunSort) => void;
  canWrite: boolean;
  onClearFilter: () => void;
  onCreate: () => void;
}

export function RunsResults({ projectId, experimentId, filter, sort, onSort, canWrite, onClearFilter, onCreate }: Props) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.run.list.infiniteQueryOptions(
      { projectId, experimentId, filter, sort, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const paramKeys = useQuery(trpc.run.paramKeys.queryOptions({ projectId, experimentId }));
  const { columns, toggle } = useRunColumns(experimentId, paramKeys.data);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [action, setAction] = useState<BatchAction>(null);
  // Mounted whatever the list shows, so a batch's results stay on screen when its runs leave the view.
  const dialogs = canWrite ? <BatchDialogs projectId={projectId} action={action} onClose={() => setAction(null)} /> : null;

  const empty = filter ? (
    <EmptyState title="No runs match this filter">
      <p>Loosen a condition or clear the filter.</p>
      <button type="button" className="btn" onClick={onClearFilter}>
        Clear filter
      </button>
    </EmptyState>
  ) : (
    <EmptyState title="No runs yet — create the first run">
      <p>A run records one execution: its params, status, timing and captured data.</p>
      {canWrite ? (
        <button type="button" className="btn btn-primary" onClick={onCreate}>
          New run
        </button>
      ) : (
        <p>Ask an editor or owner of this project to create one.</p>
      )}
    </EmptyState>
  );

  function select(ids: readonly string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  return (
    <PagedResults
      query={query}
      loading={{ label: "Loading runs", lines: 5 }}
      empty={empty}
      loadMore={{ testId: "runs-load-more", end: "That is all of them." }}
      after={dialogs}
    >
      {(runs, more) => {
        // Only loaded rows count: a run that left the view (filtered out after a change) is no longer selected.
        const selectedRuns = runs.filter((run) => selected.has(run.id));
        return (
          <>
            <div className="row" style={{ marginTop: "0.5rem" }}>
              <p className="muted" aria-live="polite" style={{ margin: 0 }}>
                Showing {plural(runs.length, "run")}
                {more ? " — more below" : ""}
              </p>
              <span className="spacer" />
              <ColumnsMenu paramKeys={paramKeys.data ?? []} columns={columns} onToggle={toggle} loading={paramKeys.isPending} />
            </div>
            {selectedRuns.length > 0 ? (
              <RunsBatchBar
                projectId={projectId}
                runs={selectedRuns}
                canWrite={canWrite}
                onAction={setAction}
                onClearSelection={() => setSelected(new Set())}
              />
            ) : null}
            <div aria-busy={query.isFetching}>
              <RunsTable runs={runs} columns={columns} sort={sort} onSort={onSort} selected={selected} onSelect={select} />
            </div>
          </>
        );
      }}
    </PagedResults>
  );
}
