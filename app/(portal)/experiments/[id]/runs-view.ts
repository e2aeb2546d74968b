"use client";
// The runs table's applied filter (?filter=<base64url JSON>) and sort (?sort=name.asc) live in the URL, so a view can
// be shared, bookmarked or reloaded. A filter in the URL that does not decode is ignored and reported.
import { useCallback, useMemo } from "react";
import type { RunFilter } from "@/domain/run/filter";
import { decodeRunFilter, encodeRunFilter } from "../../../_components/run-filter/url";
import { useUrlParams } from "../../../_lib/use-url-params";
import { readRunSort, runSortParam, type RunSort } from "./runs-format";

export function useRunsView() {
  const { params, setParam } = useUrlParams();

  const filterText = params.get("filter");
  const sortText = params.get("sort");
  const filter = useMemo(() => decodeRunFilter(filterText), [filterText]);
  const sort = useMemo(() => readRunSort(sortText), [sortText]);
  return {
    filter,
    sort,
    /** The URL carried a filter that is not valid (an edited or truncated link). */
    invalidFilter: Boolean(filterText) && !filter,
    setFilter: useCallback((next: RunFilter | undefined) => setParam("filter", next ? encodeRunFilter(next) : ""), [setParam]),
    setSort: useCallback((next: RunSort) => setParam("sort", runSortParam(next)), [setParam]),
  };
}
