// The experiment list's filters as URL text (?status=draft,active&type=&tags=&createdFrom=2025-03-01&…&q=&sort=name.asc)
// and their translation into the list procedure's input. Dates are whole days in the viewer's time zone.
// Relative imports: this module is unit-tested, and vitest does not resolve the "@/" alias.
import { EXPERIMENT_SORT_FIELDS, type ExperimentListFilter, type ListExperimentsInput } from "../../../contracts/experiment";
import { EXPERIMENT_STATUSES } from "../../../domain/experiment/status";

export const FILTER_KEYS = ["status", "type", "tags", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "q"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number] | "sort";
/** URL form of every filter; "" means unset. Lists (status, tags) are comma-separated. */
export type ExperimentFilters = Record<FilterKey, string>;

type SortField = (typeof EXPERIMENT_SORT_FIELDS)[number];
const SORT_LABELS: Record<SortField, { asc: string; desc: string }> = {
  createdAt: { desc: "Newest first", asc: "Oldest first" },
  updatedAt: { desc: "Recently updated", asc: "Least recently updated" },
  name: { asc: "Name A–Z", desc: "Name Z–A" },
};
export const DEFAULT_SORT = "createdAt.desc";
export const SORT_OPTIONS = EXPERIMENT_SORT_FIELDS.flatMap((field) =>
  (["desc", "asc"] as const).map((direction) => ({ value: `${field}.${direction}`, label: SORT_LABELS[field][direction], field, direction })),
);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a "YYYY-MM-DD" day, `offset` days later; undefined when not a real day. */
export function dayStart(day: string, offset = 0): Date | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  return offset ? new Date(year, month - 1, date + offset) : start;
}

export function splitList(text: string): string[] {
  return [...new Set(text.split(",").map((part) => part.trim()).filter((part) => part !== ""))];
}

function sanitize(key: FilterKey, raw: string): string {
  switch (key) {
    case "status":
      return EXPERIMENT_STATUSES.filter((status) => splitList(raw).includes(status)).join(",");
    case "type":
      return raw.trim().slice(0, 60);
    case "tags":
      return splitList(raw).filter((tag) => tag.length <= 50).slice(0, 20).join(",");
    case "q":
      return raw.trim().slice(0, 200);
    case "sort":
      return SORT_OPTIONS.some((option) => option.value === raw) && raw !== DEFAULT_SORT ? raw : "";
    default:
      return dayStart(raw) ? raw : "";
  }
}

export function readFilters(params: { get(key: string): string | null }): ExperimentFilters {
  const read = (key: FilterKey) => sanitize(key, params.get(key) ?? "");
  return {
    status: read("status"), type: read("type"), tags: read("tags"), q: read("q"), sort: read("sort"),
    createdFrom: read("createdFrom"), createdTo: read("createdTo"), updatedFrom: read("updatedFrom"), updatedTo: read("updatedTo"),
  };
}

export function hasFilters(filters: ExperimentFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== "");
}

/** Both ends inclusive for the user; the API's `to` is exclusive, so it becomes the start of the next day. */
function dayRange(from: string, to: string): { range?: { from?: Date; to?: Date }; invalid: boolean } {
  const start = dayStart(from);
  const end = dayStart(to, 1);
  if (!start && !end) return { invalid: false };
  return { range: { from: start, to: end }, invalid: Boolean(start && end && start >= end) };
}

export type ListQuery = Pick<ListExperimentsInput, "filter" | "sort">;

/** The list input for these filters, or which date range is backwards. Unset filters are left out of the query key. */
export function toListQuery(filters: ExperimentFilters): { query: ListQuery; rangeError: string | null } {
  const created = dayRange(filters.createdFrom, filters.createdTo);
  const updated = dayRange(filters.updatedFrom, filters.updatedTo);
  const filter: ExperimentListFilter = {};
  const statuses = EXPERIMENT_STATUSES.filter((status) => splitList(filters.status).includes(status));
  if (statuses.length) filter.status = statuses;
  if (filters.type) filter.type = [filters.type];
  if (filters.tags) filter.tagsAny = splitList(filters.tags);
  if (created.range) filter.created = created.range;
  if (updated.range) filter.updated = updated.range;
  if (filters.q) filter.search = filters.q;
  const sort = SORT_OPTIONS.find((option) => option.value === (filters.sort || DEFAULT_SORT)) ?? SORT_OPTIONS[0]!;
  const rangeError = created.invalid
    ? "“Created from” must not be later than “Created to”."
    : updated.invalid
      ? "“Updated from” must not be later than “Updated to”."
      : null;
  return { query: { filter, sort: { field: sort.field, direction: sort.direction } }, rangeError };
}
