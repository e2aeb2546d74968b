"use client";
// The experiments matching the current filters and sort, 50 at a time, with "Load more" walking the cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { ErrorNotice } from "../audit/audit-results";
import { EXPERIMENT_COLUMNS, ExperimentRow } from "./experiment-row";
import type { ListQuery } from "./filter-params";

const PAGE_SIZE = 50;

interface Props {
  projectId: string;
  query: ListQuery;
  filtered: boolean;
  canWrite: boolean;
  onClear: () => void;
}

export function ExperimentResults({ projectId, query: listQuery, filtered, canWrite, onClear }: Props) {
  const trpc = useTRPC();
  // The query key holds filter and sort, so any change starts again from the first page.
  const query = useInfiniteQuery(
    trpc.experiment.list.infiniteQueryOptions(
      { projectId, limit: PAGE_SIZE, ...listQuery },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  if (query.isPending) return <Skeleton lines={6} label="Loading experiments" />;
  if (query.isError && !query.data) return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;

  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return filtered ? (
      <EmptyState title="No experiments match these filters">
        <p>Widen a date range, untick a status or clear the filters.</p>
        <button type="button" className="btn" onClick={onClear}>
          Clear filters
        </button>
      </EmptyState>
    ) : (
      <EmptyState title="No experiments yet — create the first one">
        <p>An experiment groups the runs of one investigation.</p>
        {canWrite ? (
          <Link href="/experiments/new" className="btn btn-primary">
            New experiment
          </Link>
        ) : (
          <p>Ask an editor or owner of this project to create one.</p>
        )}
      </EmptyState>
    );
  }

  return (
    <>
      <p className="muted" aria-live="polite">
        Showing {items.length} {items.length === 1 ? "experiment" : "experiments"}
        {query.hasNextPage ? " — more below" : ""}
      </p>
      <div style={{ overflowX: "auto" }} aria-busy={query.isFetching}>
        <table className="table" data-testid="experiment-table">
          <thead>
            <tr>
              {EXPERIMENT_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((experiment) => (
              <ExperimentRow key={experiment.id} experiment={experiment} />
            ))}
          </tbody>
        </table>
      </div>
      {query.isError ? (
        <ErrorNotice
          message={messageOf(query.error)}
          onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())}
        />
      ) : null}
      <p style={{ marginTop: "0.75rem" }}>
        {query.hasNextPage ? (
          <button
            type="button"
            className="btn"
            data-testid="experiments-load-more"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetching}
          >
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : (
          <span className="muted">That is all of them.</span>
        )}
      </p>
    </>
  );
}
