"use client";
// The audit events for the current filters: newest first, 50 at a time, with "Load more" walking the cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { DataTable } from "../../_components/data-table";
import { PagedResults } from "../../_components/paged-results";
import { EmptyState } from "../../_components/skeleton";
import { useTRPC } from "../../_lib/trpc";
import { AUDIT_COLUMNS, AuditRow } from "./audit-row";

const PAGE_SIZE = 50;

interface Props {
  projectId: string;
  query: { entityType?: string; actorId?: string; action?: string; from?: Date; to?: Date };
  hasFilters: boolean;
}

export function AuditResults({ projectId, query: filters, hasFilters }: Props) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { projectId, limit: PAGE_SIZE, ...filters },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  const empty = hasFilters ? (
    <EmptyState title="No audit events match these filters">
      <p>Widen the time range or clear a filter.</p>
    </EmptyState>
  ) : (
    <EmptyState title="No audit events yet">
      <p>Changes to this project, its members and its experiments will appear here.</p>
    </EmptyState>
  );

  return (
    <PagedResults
      query={query}
      loading={{ label: "Loading audit events", lines: 6 }}
      empty={empty}
      loadMore={{ testId: "audit-load-more", end: "End of the audit trail" }}
    >
      {(items) => (
        <>
          <p className="muted" aria-live="polite">
            Showing {items.length} {items.length === 1 ? "event" : "events"}, newest first
          </p>
          <DataTable columns={AUDIT_COLUMNS} testId="audit-table">
            {items.map((event) => (
              <AuditRow key={event.id} event={event} />
            ))}
          </DataTable>
        </>
      )}
    </PagedResults>
  );
}
