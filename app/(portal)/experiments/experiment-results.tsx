"use client";
// The experiments matching the current filters and sort, 50 at a time, with "Load more" walking the cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DataTable } from "../../_components/data-table";
import { PagedResults } from "../../_components/paged-results";
import { EmptyState } from "../../_components/skeleton";
import { useTRPC } from "../../_lib/trpc";
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

  const empty = filtered ? (
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

  return (
    <PagedResults
      query={query}
      loading={{ label: "Loading experiments", lines: 6 }}
      empty={empty}
      loadMore={{ testId: "experiments-load-more", end: "That is all of them." }}
    >
      {(items, more) => (
        <>
          <p className="muted" aria-live="polite">
            Showing {items.length} {items.length === 1 ? "experiment" : "experiments"}
            {more ? " — more below" : ""}
          </p>
          <DataTable columns={EXPERIMENT_COLUMNS} testId="experiment-table" busy={query.isFetching}>
            {items.map((experiment) => (
              <ExperimentRow key={experiment.id} experiment={experiment} />
            ))}
          </DataTable>
        </>
      )}
    </PagedResults>
  );
}
