"use client";
// The runs table's applied filter (?filter=<base64url JSON>) and sort (?sort=name.asc) live in the URL, so a view can
// be shared, bookmarked or reloaded. A filter in the URL that does not decode is ignored and reported.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { RunFilter } from "@/domain/run/filter";
import { decodeRunFilter, encodeRunFilter } from "../../../_components/run-filter/url";
import { readRunSort, runSortParam, type RunSort } from "./runs-format";

export function useRunsView() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // router.replace lands asynchronously: build back-to-back changes on the URL we last asked for, not the stale one.
  const pending = useRef<string | null>(null);
  const current = params.toString();
  useEffect(() => {
    pending.current = null;
  }, [current]);

  const navigate = useCallback(
    (key: "filter" | "sort", value: string) => {
      const next = new URLSearchParams(pending.current ?? current);
      if (value) next.set(key, value);
      else next.delete(key);
      const search = next.toString();
      pending.current = search;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [current, pathname, router],
  );

  const filterText = params.get("filter");
  const sortText = params.get("sort");
  const filter = useMemo(() => decodeRunFilter(filterText), [filterText]);
  const sort = useMemo(() => readRunSort(sortText), [sortText]);
  return {
    filter,
    sort,
    /** The URL carried a filter that is not valid (an edited or truncated link). */
    invalidFilter: Boolean(filterText) && !filter,
    setFilter: useCallback((next: RunFilter | undefined) => navigate("filter", next ? encodeRunFilter(next) : ""), [navigate]),
    setSort: useCallback((next: RunSort) => navigate("sort", runSortParam(next)), [navigate]),
  };
}
