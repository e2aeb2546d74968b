import { describe, expect, it } from "vitest";
import type { RunFilter } from "./filter";
import { matchesRunFilter, type FilterableRun } from "./filter-eval";

const run: FilterableRun = {
  status: "running",
  tags: ["baseline", "gpu"],
  params: { lr: 0.01, epochs: 10, optimizer: "adam-w", seed: "1", warm: true, one: 1 },
  metadata: { host: "a", nothing: null },
  createdAt: new Date("2025-03-01T00:00:00Z"),
  startedAt: new Date("2025-03-02T00:00:00Z"),
  finishedAt: null,
};

const p = (key: string, op: "=" | "!=" | "<" | "<=" | ">" | ">=" | "contains", value: string | number | boolean): RunFilter => ({
  param: { key, op, value },
});
const d = (field: "createdAt" | "startedAt" | "finishedAt", from?: string, to?: string): RunFilter => ({
  date: { field, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
});

const cases: [string, RunFilter, boolean][] = [
  ["status in set", { status: ["draft", "running"] }, true],
  ["status not in set", { status: ["failed"] }, false],
  ["tags any, one present", { tags: { mode: "any", values: ["gpu", "cpu"] } }, true],
  ["tags any, none present", { tags: { mode: "any", values: ["cpu"] } }, false],
  ["tags all present", { tags: { mode: "all", values: ["gpu", "baseline"] } }, true],
  ["tags all, one missing", { tags: { mode: "all", values: ["gpu", "cpu"] } }, false],
  ["tags none, none present", { tags: { mode: "none", values: ["cpu", "tpu"] } }, true],
  ["tags none, one present", { tags: { mode: "none", values: ["cpu", "gpu"] } }, false],
  ["tags are case-sensitive", { tags: { mode: "any", values: ["GPU"] } }, false],
  ["= number", p("lr", "=", 0.01), true],
  ["= string", p("optimizer", "=", "adam-w"), true],
  ["= boolean", p("warm", "=", true), true],
  ["= boolean, other value", p("warm", "=", false), false],
  ["= is typed: string '1' is not 1", p("seed", "=", 1), false],
  ["= is typed: number 1 is not '1'", p("one", "=", "1"), false],
  ["= is typed: true is not 'true'", p("warm", "=", "true"), false],
  ["= on a missing param", p("momentum", "=", 0.9), false],
  ["!= different value", p("lr", "!=", 0.1), true],
  ["!= same value", p("lr", "!=", 0.01), false],
  ["!= different type counts as different", p("seed", "!=", 1), true],
  ["!= on a missing param never matches", p("momentum", "!=", 0.9), false],
  ["< number", p("lr", "<", 0.1), true],
  ["< is strict", p("epochs", "<", 10), false],
  ["<= equal", p("epochs", "<=", 10), true],
  ["> number", p("epochs", ">", 9.5), true],
  [">= equal", p("epochs", ">=", 10), true],
  [">= above", p("epochs", ">=", 11), false],
  ["< negative bound", p("lr", "<", -1), false],
  ["< on a numeric-looking string never matches", p("seed", "<", 5), false],
  ["> on a boolean never matches", p("warm", ">", 0), false],
  ["< on a missing param never matches", p("momentum", "<", 100), false],
  ["contains substring", p("optimizer", "contains", "am-"), true],
  ["contains is case-sensitive", p("optimizer", "contains", "ADAM"), false],
  ["contains has no wildcards", p("optimizer", "contains", "a%w"), false],
  ["contains '_' is a plain character", p("optimizer", "contains", "adam_w"), false],
  ["contains empty string matches any string", p("optimizer", "contains", ""), true],
  ["contains on a number never matches", p("epochs", "contains", "1"), false],
  ["contains on a missing param never matches", p("momentum", "contains", ""), false],
  ["inherited keys are not params", p("constructor", "!=", "x"), false],
  ["metadata key exists", { metadata: { key: "host", exists: true } }, true],
  ["metadata key with null value exists", { metadata: { key: "nothing", exists: true } }, true],
  ["metadata key missing", { metadata: { key: "gpu", exists: true } }, false],
  ["metadata key absent, exists:false", { metadata: { key: "gpu", exists: false } }, true],
  ["metadata key present, exists:false", { metadata: { key: "host", exists: false } }, false],
  ["metadata inherited keys do not exist", { metadata: { key: "toString", exists: true } }, false],
  ["date from is inclusive", d("createdAt", "2025-03-01T00:00:00Z"), true],
  ["date to is exclusive", d("createdAt", undefined, "2025-03-01T00:00:00Z"), false],
  ["date inside a range", d("startedAt", "2025-03-01T00:00:00Z", "2025-03-03T00:00:00Z"), true],
  ["date before the range", d("startedAt", "2025-03-02T00:00:00.001Z"), false],
  ["missing date never matches", d("finishedAt", "2000-01-01T00:00:00Z"), false],
  ["missing date never matches an open upper bound", d("finishedAt", undefined, "2100-01-01T00:00:00Z"), false],
  ["empty and matches everything", { and: [] }, true],
  ["empty or matches nothing", { or: [] }, false],
  ["and of true and false", { and: [{ status: ["running"] }, { status: ["failed"] }] }, false],
  ["or of true and false", { or: [{ status: ["failed"] }, { tags: { mode: "any", values: ["gpu"] } }] }, true],
  ["not of a match", { not: { status: ["running"] } }, false],
  ["not over a missing param matches", { not: p("momentum", "=", 0.9) }, true],
  ["not over a missing date matches", { not: d("finishedAt", "2000-01-01T00:00:00Z") }, true],
  ["not of empty or", { not: { or: [] } }, true],
  ["nested groups", { and: [{ or: [{ status: ["failed"] }, p("lr", "<", 1)] }, { not: { tags: { mode: "any", values: ["cpu"] } } }] }, true],
];

describe("matchesRunFilter", () => {
  it.each(cases)("%s", (_name, filter, expected) => {
    expect(matchesRunFilter(run, filter)).toBe(expected);
  });

  it("treats a param whose name is an Object.prototype key as missing unless the run has it", () => {
    const own = { ...run, params: Object.fromEntries([["constructor", "x"]]) };
    expect(matchesRunFilter(own, p("constructor", "=", "x"))).toBe(true);
    expect(matchesRunFilter(run, p("constructor", "=", "x"))).toBe(false);
  });
});
