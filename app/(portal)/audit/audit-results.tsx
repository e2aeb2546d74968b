"use client";
// The audit events for the current filters: newest first, 50 at a time, with "Load more" walking the cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { EmptyState, Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
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

  if (query.isPending) return <Skeleton lines={6} label="Loading audit events" />;
  if (query.isError && !query.data) {
    return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  }

  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return hasFilters ? (
      <EmptyState title="No audit events match these filters">
        <p>Widen the time range or clear a filter.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No audit events yet">
        <p>Changes to this project, its members and its experiments will appear here.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <p className="muted" aria-live="polite">
        Showing {items.length} {items.length === 1 ? "event" : "events"}, newest first
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              {AUDIT_COLUMNS.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <AuditRow key={event.id} event={event} />
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
            data-testid="audit-load-more"
            onClick={() => void query.fetchNextPage()}
            disabled={query.isFetching}
          >
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : (
          <span className="muted">End of the audit trail</span>
        )}
      </p>
    </>
  );
}

export function ErrorNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className="form-error row" role="alert">
      <span>{message}</span>
      <span className="spacer" />
      <button type="button" className="btn btn-small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
