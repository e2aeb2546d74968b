// Pure helpers of the runs table: the sort in the URL, remembered columns, batch result summaries.
// Relative imports: this module is unit-tested.
import { RUN_SORT_FIELDS, type ListRunsInput, type RunParams } from "../../../../contracts/run";

/** A param's cell: the value as typed, "—" when the run does not have it. */
export function paramText(value: RunParams[string] | undefined): string {
  return value === undefined ? "—" : String(value);
}

export type RunSort = ListRunsInput["sort"];
export type RunSortField = RunSort["field"];
export const DEFAULT_RUN_SORT: RunSort = { field: "createdAt", direction: "desc" };
/** The direction a column starts with: newest first for dates, A–Z for text. */
const FIRST_DIRECTION: Record<RunSortField, RunSort["direction"]> = { createdAt: "desc", startedAt: "desc", name: "asc", status: "asc" };

/** `?sort=name.asc`; anything else is the default sort. */
export function readRunSort(text: string | null): RunSort {
  const [field, direction] = (text ?? "").split(".");
  const known = RUN_SORT_FIELDS.find((f) => f === field);
  return known && (direction === "asc" || direction === "desc") ? { field: known, direction } : DEFAULT_RUN_SORT;
}

/** The URL value of a sort; "" for the default, which stays out of the URL. */
export function runSortParam(sort: RunSort): string {
  return sort.field === DEFAULT_RUN_SORT.field && sort.direction === DEFAULT_RUN_SORT.direction ? "" : `${sort.field}.${sort.direction}`;
}

/** Clicking a header: the same column flips its direction, another one starts with its natural direction. */
export function nextRunSort(current: RunSort, field: RunSortField): RunSort {
  if (current.field === field) return { field, direction: current.direction === "asc" ? "desc" : "asc" };
  return { field, direction: FIRST_DIRECTION[field] };
}

export function ariaSort(current: RunSort, field: RunSortField): "ascending" | "descending" | "none" {
  if (current.field !== field) return "none";
  return current.direction === "asc" ? "ascending" : "descending";
}

const MAX_COLUMNS = 50;

/** The param columns remembered in localStorage: a JSON array of names; anything else means none. */
export function readStoredColumns(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return [...new Set(value.filter((v): v is string => typeof v === "string" && v.length <= 100))].slice(0, MAX_COLUMNS);
  } catch {
    return [];
  }
}

export type BatchStatusResult = { id: string; ok: true; status: string } | { id: string; ok: false; code: string; message: string };

export interface BatchSummary {
  changed: number;
  refused: Array<{ id: string; name: string; message: string }>;
  /** "3 changed, 1 refused" */
  headline: string;
}

export function summarizeBatch(results: readonly BatchStatusResult[], nameOf: (id: string) => string): BatchSummary {
  const refused = results.flatMap((r) => (r.ok ? [] : [{ id: r.id, name: nameOf(r.id), message: r.message }]));
  const changed = results.length - refused.length;
  return { changed, refused, headline: refused.length > 0 ? `${changed} changed, ${refused.length} refused` : `${changed} changed` };
}

/** The compare page for these runs (2–10 of them). */
export function compareHref(projectId: string, ids: readonly string[]): string {
  return `/runs/compare?project=${encodeURIComponent(projectId)}&ids=${ids.map(encodeURIComponent).join(",")}`;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
