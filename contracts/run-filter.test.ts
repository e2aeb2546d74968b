import { describe, expect, it } from "vitest";
import { FILTER_LIMITS } from "../domain/run/filter";
import { runFilterSchema } from "./run-filter";

const leaf = { status: ["running"] };
const nest = (depth: number): unknown => (depth <= 1 ? leaf : { not: nest(depth - 1) });

const valid: [string, unknown][] = [
  ["a status set", { status: ["running", "failed"] }],
  ["tags in every mode", { and: ["any", "all", "none"].map((mode) => ({ tags: { mode, values: ["a", "'; drop table runs; --"] } })) }],
  ["typed params", { or: [{ param: { key: "lr", op: "<", value: 0.1 } }, { param: { key: "opt", op: "=", value: "adam" } }, { param: { key: "w", op: "!=", value: false } }] }],
  ["contains with text", { param: { key: "opt", op: "contains", value: "%_" } }],
  ["metadata keys", { metadata: { key: "host", exists: false } }],
  ["a date range from ISO strings", { date: { field: "startedAt", from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" } }],
  ["a date with only 'to'", { date: { field: "finishedAt", to: new Date("2025-01-01T00:00:00Z") } }],
  ["empty groups", { or: [{ and: [] }, { or: [] }] }],
  ["not", { not: { status: ["draft"] } }],
  ["the maximum depth", nest(FILTER_LIMITS.maxDepth)],
  ["the maximum node count", { and: Array.from({ length: FILTER_LIMITS.maxNodes - 1 }, () => leaf) }],
];

describe("runFilterSchema accepts", () => {
  it.each(valid)("%s", (_name, input) => {
    expect(runFilterSchema.safeParse(input).success).toBe(true);
  });

  it("coerces dates and trims keys", () => {
    const parsed = runFilterSchema.parse({ and: [{ date: { field: "createdAt", from: "2025-01-01T00:00:00Z" } }, { param: { key: " lr ", op: ">", value: 1 } }] });
    expect(parsed).toEqual({ and: [{ date: { field: "createdAt", from: new Date("2025-01-01T00:00:00Z") } }, { param: { key: "lr", op: ">", value: 1 } }] });
  });
});

const param = (p: Record<string, unknown>) => ({ and: [leaf, { or: [leaf, { param: { key: "lr", op: "=", value: 1, ...p } }] }] });
const paramPath = ["and", 1, "or", 1, "param"];

const invalid: [string, unknown, (string | number)[], RegExp?][] = [
  ["'<' against text", { and: [leaf, { param: { key: "lr", op: "<", value: "x" } }] }, ["and", 1, "param", "value"], /number/],
  ["'>=' against a boolean", param({ op: ">=", value: true }), [...paramPath, "value"], /number/],
  ["'contains' with a number", param({ op: "contains", value: 3 }), [...paramPath, "value"], /text/],
  ["an unknown operator", param({ op: "like" }), [...paramPath, "op"]],
  ["an empty key", param({ key: "  " }), [...paramPath, "key"], /key/],
  ["a key with a NUL", param({ key: "a\u0000b" }), [...paramPath, "key"]],
  ["a value with a lone surrogate", param({ value: "\uD800x" }), [...paramPath, "value"]],
  ["a non-finite number", param({ value: Number.POSITIVE_INFINITY }), [...paramPath, "value"]],
  ["an extra key in a param", param({ extra: 1 }), paramPath],
  ["an unknown status", { and: [leaf, { status: ["running", "nope"] }] }, ["and", 1, "status", 1]],
  ["an empty status set", { or: [{ status: [] }] }, ["or", 0, "status"], /status/],
  ["an unknown node kind", { and: [leaf, { or: [{ bogus: 1 }] }] }, ["and", 1, "or", 0], /exactly one/],
  ["two kinds in one node", { not: { status: ["running"], tags: { mode: "any", values: ["a"] } } }, ["not"], /status, tags/],
  ["an extra key beside the kind", { or: [{ status: ["running"], extra: 1 }] }, ["or", 0]],
  ["a node that is not an object", { and: [leaf, "status"] }, ["and", 1], /object/],
  ["a group that is not an array", { not: { and: leaf } }, ["not", "and"]],
  ["an unknown tag mode", { not: { tags: { mode: "some", values: ["a"] } } }, ["not", "tags", "mode"]],
  ["an empty tag", { not: { tags: { mode: "any", values: ["a", ""] } } }, ["not", "tags", "values", 1]],
  ["metadata without exists", { or: [{ metadata: { key: "host" } }] }, ["or", 0, "metadata", "exists"]],
  ["a date with neither bound", { and: [{ date: { field: "createdAt" } }] }, ["and", 0, "date"], /from/],
  ["a date with from = to", { and: [{ date: { field: "createdAt", from: "2025-01-01", to: "2025-01-01" } }] }, ["and", 0, "date", "to"], /before/],
  ["a date with from after to", { or: [{ date: { field: "startedAt", from: "2025-02-01", to: "2025-01-01" } }] }, ["or", 0, "date", "to"]],
  ["an unparseable date", { or: [{ date: { field: "createdAt", from: "yesterday" } }] }, ["or", 0, "date", "from"]],
  ["a date beyond year 9999", { or: [{ date: { field: "createdAt", from: "+275760-01-01T00:00:00Z" } }] }, ["or", 0, "date", "from"]],
  ["an unknown date field", { or: [{ date: { field: "updatedAt", from: "2025-01-01" } }] }, ["or", 0, "date", "field"]],
  ["a tree deeper than the limit", { and: [nest(FILTER_LIMITS.maxDepth)] }, ["and", 0, ...Array<string>(FILTER_LIMITS.maxDepth - 1).fill("not")], /deep/],
  ["too many conditions", { and: Array.from({ length: FILTER_LIMITS.maxNodes }, () => leaf) }, [], /conditions/],
];

describe("runFilterSchema rejects, with the path of the bad node,", () => {
  it.each(invalid)("%s", (_name, input, path, message) => {
    const result = runFilterSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => i.path)).toContainEqual(path);
    if (message) expect(issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path))?.message).toMatch(message);
  });

  it("refuses a pathologically deep tree without overflowing the stack", () => {
    let deep: unknown = leaf;
    for (let i = 0; i < 100_000; i++) deep = { not: deep };
    const result = runFilterSchema.safeParse(deep);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/deep/);
  });
});
