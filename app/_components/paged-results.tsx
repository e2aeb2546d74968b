"use client";
// The states of a cursor-paged list (an infinite query whose pages hold `items`): a skeleton while the first page
// loads, an error with Retry when it fails, the empty state, then the items with "Load more" walking the cursor (or an
// end note) and, when a later page fails, an error whose Retry asks for that page again.
import type { ReactNode } from "react";
import { messageOf } from "../_lib/errors";
import { ErrorNotice } from "./error-notice";
import { Skeleton } from "./skeleton";

/** The parts of a `useInfiniteQuery` result this needs. */
export interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { pages: ReadonlyArray<{ items: readonly T[] }> } | undefined;
  hasNextPage: boolean;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  refetch: () => Promise<unknown>;
  fetchNextPage: () => Promise<unknown>;
}

interface Props<T> {
  query: PagedQuery<T>;
  loading: { label: string; lines: number };
  /** Shown when the list has no items. */
  empty: ReactNode;
  /** The "Load more" button's test id, and what shows instead once every page is loaded. */
  loadMore: { testId: string; end: string };
  /** Rendered after the list in every state but the first load (e.g. dialogs that outlive the rows). */
  after?: ReactNode;
  /** The loaded items (count line, table…); `more` is true while further pages exist. */
  children: (items: T[], more: boolean) => ReactNode;
}

export function PagedResults<T>({ query, loading, empty, loadMore, after, children }: Props<T>) {
  if (query.isPending) return <Skeleton lines={loading.lines} label={loading.label} />;
  if (!query.data) {
    return (
      <>
        <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />
        {after}
      </>
    );
  }
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <>
        {empty}
        {after}
      </>
    );
  }
  return (
    <>
      {children(items, query.hasNextPage)}
      {query.isError ? (
        <ErrorNotice message={messageOf(query.error)} onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())} />
      ) : null}
      <p style={{ marginTop: "0.75rem" }}>
        {query.hasNextPage ? (
          <button type="button" className="btn" data-testid={loadMore.testId} onClick={() => void query.fetchNextPage()} disabled={query.isFetching}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        ) : (
          <span className="muted">{loadMore.end}</span>
        )}
      </p>
      {after}
    </>
  );
}
