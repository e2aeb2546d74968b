"use client";
// The experiment list's filters live in the URL, so a filtered view can be shared, bookmarked or reloaded.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import { FILTER_KEYS, hasFilters, readFilters, toListQuery, type FilterKey } from "./filter-params";

export function useExperimentFilters() {
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
    (change: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(pending.current ?? current);
      change(next);
      const search = next.toString();
      pending.current = search;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [current, pathname, router],
  );

  const setFilter = useCallback(
    (key: FilterKey, value: string) => navigate((next) => (value ? next.set(key, value) : next.delete(key))),
    [navigate],
  );
  /** Clears the filters but keeps the sort order. */
  const clear = useCallback(() => navigate((next) => FILTER_KEYS.forEach((key) => next.delete(key))), [navigate]);

  const filters = readFilters(params);
  return { filters, ...toListQuery(filters), filtered: hasFilters(filters), setFilter, clear };
}
