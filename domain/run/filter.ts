// The structured run filter: AND / OR / NOT groups over status, tags, typed params, metadata keys and dates.
// The same tree is compiled to SQL (db/queries/run-filter.ts) and evaluated in memory (filter-eval.ts) by the tests.
import type { RunStatus } from "./status";

export const PARAM_OPERATORS = ["=", "!=", "<", "<=", ">", ">=", "contains"] as const;
export type ParamOperator = (typeof PARAM_OPERATORS)[number];
export type ParamValue = string | number | boolean;

export const TAG_MODES = ["any", "all", "none"] as const;
export type TagMode = (typeof TAG_MODES)[number];

export const RUN_DATE_FIELDS = ["createdAt", "startedAt", "finishedAt"] as const;
export type RunDateField = (typeof RUN_DATE_FIELDS)[number];

/** Semantics, shared by SQL and the evaluator:
 * - `=` / `!=`: the param exists and its JSON value equals / differs from the value, type included ("1" ≠ 1).
 * - `<` `<=` `>` `>=`: numbers only; a param that is missing or not a number never matches.
 * - `contains`: the param is a string containing the value (case-sensitive, no wildcards).
 * - tags `any` / `all` / `none`: at least one / every / none of the values is among the run's tags.
 * - date: from is inclusive, to is exclusive; a missing date (a run never started) never matches.
 * - an empty `and` matches everything, an empty `or` matches nothing.
 */
export type RunFilter =
  | { and: RunFilter[] }
  | { or: RunFilter[] }
  | { not: RunFilter }
  | { status: RunStatus[] }
  | { tags: { mode: TagMode; values: string[] } }
  | { param: { key: string; op: ParamOperator; value: ParamValue } }
  | { metadata: { key: string; exists: boolean } }
  | { date: { field: RunDateField; from?: Date; to?: Date } };

export const FILTER_LIMITS = { maxDepth: 6, maxNodes: 60 } as const;
