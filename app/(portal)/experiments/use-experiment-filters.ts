"use client";
// The experiment list's filters live in the URL, so a filtered view can be shared, bookmarked or reloaded.
import { useCallback } from "react";
import { useUrlParams } from "../../_lib/use-url-params";
import { FILTER_KEYS, hasFilters, readFilters, toListQuery, type FilterKey } from "./filter-params";

export function useExperimentFilters() {
  const { params, update, setParam } = useUrlParams();
  const setFilter = useCallback((key: FilterKey, value: string) => setParam(key, value), [setParam]);
  /** Clears the filters but keeps the sort order. */
  const clear = useCallback(() => update((next) => FILTER_KEYS.forEach((key) => next.delete(key))), [update]);

  const filters = readFilters(params);
  return { filters, ...toListQuery(filters), filtered: hasFilters(filters), setFilter, clear };
}
