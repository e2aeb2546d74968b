// Compiles a run filter tree (domain/run/filter.ts) to a parameterised SQL condition on `runs`.
// Every leaf yields true or false, never NULL, so NOT and the in-memory evaluator agree; every user value is a bound parameter.
import { sql, type SQL } from "drizzle-orm";
import type { ParamValue, RunDateField, RunFilter } from "../../domain/run/filter";
import { runs } from "../schema";

const dateColumns = { createdAt: runs.createdAt, startedAt: runs.startedAt, finishedAt: runs.finishedAt } as const;

/** A text[] literal built from one bound parameter per element (a JS array in `sql` would be spread, not bound as one). */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`;
}

/** The value as a typed jsonb scalar: strings stay strings and numbers stay numbers, so "1" never equals 1. */
function jsonbScalar(value: ParamValue): SQL {
  if (typeof value === "number") return sql`to_jsonb(${String(value)}::numeric)`;
  // postgres.js serialises by the type PostgreSQL infers for the placeholder: a boolean must be bound as a JS boolean.
  if (typeof value === "boolean") return sql`to_jsonb(${value}::boolean)`;
  return sql`to_jsonb(${value}::text)`;
}

const ORDER = { "<": sql`<`, "<=": sql`<=`, ">": sql`>`, ">=": sql`>=` } as const;

function paramSql({ key, op, value }: { key: string; op: keyof typeof ORDER | "=" | "!=" | "contains"; value: ParamValue }): SQL {
  const param = sql`(${runs.params} -> ${key}::text)`;
  switch (op) {
    case "=":
      // Containment keeps the GIN (jsonb_path_ops) index usable; jsonb compares numbers by value (1 = 1.0).
      return sql`(${runs.params} @> jsonb_build_object(${key}::text, ${jsonbScalar(value)}))`;
    case "!=":
      return sql`coalesce(${param} <> ${jsonbScalar(value)}, false)`;
    case "contains":
      if (typeof value !== "string") return sql`false`;
      // strpos, not LIKE: '%' and '_' in the value are plain characters.
      return sql`coalesce(jsonb_typeof(${param}) = 'string' and strpos(${runs.params} ->> ${key}::text, ${value}::text) > 0, false)`;
    default:
      if (typeof value !== "number") return sql`false`;
      // CASE guards the cast: only number values are ever converted to numeric.
      return sql`(case when jsonb_typeof(${param}) = 'number' then ${param}::numeric ${ORDER[op]} ${String(value)}::numeric else false end)`;
  }
}

function dateSql({ field, from, to }: { field: RunDateField; from?: Date; to?: Date }): SQL {
  const column = dateColumns[field];
  const bounds: SQL[] = [sql`${column} is not null`];
  // ISO strings, not Date objects: the drizzle postgres-js driver passes timestamptz parameters through unserialised.
  if (from) bounds.push(sql`${column} >= ${from.toISOString()}::timestamptz`);
  if (to) bounds.push(sql`${column} < ${to.toISOString()}::timestamptz`);
  return sql`coalesce(${sql.join(bounds, sql` and `)}, false)`;
}

export function runFilterSql(filter: RunFilter): SQL {
  if ("and" in filter) {
    return filter.and.length === 0 ? sql`true` : sql`(${sql.join(filter.and.map(runFilterSql), sql` and `)})`;
  }
  if ("or" in filter) {
    return filter.or.length === 0 ? sql`false` : sql`(${sql.join(filter.or.map(runFilterSql), sql` or `)})`;
  }
  if ("not" in filter) return sql`(not ${runFilterSql(filter.not)})`;
  if ("status" in filter) return sql`(${runs.status} = any(${textArray(filter.status)}))`;
  if ("tags" in filter) {
    const { mode, values } = filter.tags;
    if (mode === "any") return sql`(${runs.tags} && ${textArray(values)})`;
    if (mode === "all") return sql`(${runs.tags} @> ${textArray(values)})`;
    return sql`(not (${runs.tags} && ${textArray(values)}))`;
  }
  if ("param" in filter) return paramSql(filter.param);
  if ("metadata" in filter) {
    const has = sql`jsonb_exists(${runs.metadata}, ${filter.metadata.key}::text)`;
    return filter.metadata.exists ? sql`(${has})` : sql`(not ${has})`;
  }
  return dateSql(filter.date);
}
