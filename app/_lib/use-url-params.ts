"use client";
// Page state kept in the URL's search params (filters, sort), so a view can be shared, bookmarked or reloaded.
// Changes replace the URL without scrolling and without a new history entry.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";

export function useUrlParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // router.replace lands asynchronously: build back-to-back changes on the URL we last asked for, not the stale one.
  const pending = useRef<string | null>(null);
  const current = params.toString();
  useEffect(() => {
    pending.current = null;
  }, [current]);

  /** Edits a copy of the latest search params and replaces the URL with the result. */
  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(pending.current ?? current);
      change(next);
      const search = next.toString();
      pending.current = search;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [current, pathname, router],
  );

  /** Sets one param; "" removes it. */
  const setParam = useCallback(
    (key: string, value: string) =>
      update((next) => {
        if (value) next.set(key, value);
        else next.delete(key);
      }),
    [update],
  );

  return { params, update, setParam };
}
