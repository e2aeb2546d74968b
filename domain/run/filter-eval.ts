// Evaluates a run filter in memory, with exactly the semantics documented in ./filter.ts.
// It is the oracle the property tests compare the compiled SQL (db/queries/run-filter.ts) against.
import type { ParamOperator, ParamValue, RunFilter } from "./filter";
import type { RunStatus } from "./status";

export interface FilterableRun {
  status: RunStatus;
  tags: string[];
  params: Record<string, string | number | boolean>;
  metadata: Record<string, unknown>;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

function matchesParam(actual: ParamValue | undefined, op: ParamOperator, value: ParamValue): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case "=":
      return actual === value;
    case "!=":
      return actual !== value;
    case "contains":
      return typeof actual === "string" && typeof value === "string" && actual.includes(value);
    case "<":
      return typeof actual === "number" && typeof value === "number" && actual < value;
    case "<=":
      return typeof actual === "number" && typeof value === "number" && actual <= value;
    case ">":
      return typeof actual === "number" && typeof value === "number" && actual > value;
    case ">=":
      return typeof actual === "number" && typeof value === "number" && actual >= value;
  }
}

export function matchesRunFilter(run: FilterableRun, filter: RunFilter): boolean {
  if ("and" in filter) return filter.and.every((f) => matchesRunFilter(run, f));
  if ("or" in filter) return filter.or.some((f) => matchesRunFilter(run, f));
  if ("not" in filter) return !matchesRunFilter(run, filter.not);
  if ("status" in filter) return filter.status.includes(run.status);
  if ("tags" in filter) {
    const { mode, values } = filter.tags;
    if (mode === "any") return values.some((v) => run.tags.includes(v));
    if (mode === "all") return values.every((v) => run.tags.includes(v));
    return !values.some((v) => run.tags.includes(v));
  }
  if ("param" in filter) {
    const { key, op, value } = filter.param;
    // Own properties only: a key like "constructor" must not find Object.prototype.constructor.
    return matchesParam(Object.hasOwn(run.params, key) ? run.params[key] : undefined, op, value);
  }
  if ("metadata" in filter) return Object.hasOwn(run.metadata, filter.metadata.key) === filter.metadata.exists;
  const { field, from, to } = filter.date;
  const at = run[field];
  if (at === null) return false;
  return (from === undefined || at.getTime() >= from.getTime()) && (to === undefined || at.getTime() < to.getTime());
}
