"use client";
// Audit filters live in the URL (?entityType=&actorId=&action=&from=&to=) so a filtered view can be shared or reloaded.
import { useCallback } from "react";
import { idSchema } from "@/contracts/common";
import { useUrlParams } from "../../_lib/use-url-params";
import { parseIso } from "./audit-format";

export const ENTITY_TYPES = ["project", "member", "user", "experiment", "run", "capture_session", "sensor", "job", "webhook"] as const;

export type FilterKey = "entityType" | "actorId" | "action" | "from" | "to";
/** URL form of every filter; "" means unset. `from` / `to` are ISO strings. */
export type AuditFilters = Record<FilterKey, string>;

const KEYS: readonly FilterKey[] = ["entityType", "actorId", "action", "from", "to"];

function sanitize(key: FilterKey, raw: string): string {
  const value = raw.trim();
  switch (key) {
    case "entityType":
      return (ENTITY_TYPES as readonly string[]).includes(value) ? value : "";
    case "actorId":
      return idSchema.safeParse(value).success ? value : "";
    case "action":
      return value.slice(0, 80);
    case "from":
    case "to":
      return parseIso(value) ? value : "";
  }
}

export function useAuditFilters() {
  const { params, update, setParam } = useUrlParams();

  const read = (key: FilterKey) => sanitize(key, params.get(key) ?? "");
  const filters: AuditFilters = { entityType: read("entityType"), actorId: read("actorId"), action: read("action"), from: read("from"), to: read("to") };
  const from = parseIso(filters.from);
  const to = parseIso(filters.to);
  const rangeError = from && to && from > to ? "“From” must not be later than “To”." : null;
  const hasFilters = KEYS.some((key) => filters[key] !== "");

  const setFilter = useCallback((key: FilterKey, value: string) => setParam(key, value), [setParam]);
  const clear = useCallback(() => update((next) => KEYS.forEach((key) => next.delete(key))), [update]);

  // The query key includes these, so any filter change starts pagination again from the newest event.
  const query = {
    entityType: filters.entityType || undefined,
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    from,
    to,
  };
  return { filters, query, rangeError, hasFilters, setFilter, clear };
}
