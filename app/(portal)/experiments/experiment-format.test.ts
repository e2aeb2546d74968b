import { describe, expect, it } from "vitest";
import { changedFields, metadataPreview, metadataText, newIdempotencyKey, runCountsSummary } from "./experiment-format";

const base = { name: "Heat", description: "", type: "thermal", tags: ["a", "b"], metadata: { bench: "B2", n: 1 } };

describe("metadataPreview", () => {
  it.each([
    [{}, [], 0],
    [{ bench: "B2" }, ["bench=B2"], 0],
    [{ a: 1, b: true, c: null, d: [1] }, ["a=1", "b=true", "c=null"], 1],
    [{ nested: { x: 1 } }, ['nested={"x":1}'], 0],
    [{ ["k".repeat(30)]: "v".repeat(40) }, [`${"k".repeat(23)}…=${"v".repeat(31)}…`], 0],
  ])("previews %j", (metadata, entries, more) => {
    expect(metadataPreview(metadata)).toEqual({ entries, more });
  });
});

describe("runCountsSummary", () => {
  it.each([
    [{}, "No runs"],
    [{ draft: 0, running: 0, succeeded: 0, failed: 0, archived: 0 }, "No runs"],
    [{ running: 3, succeeded: 12 }, "3 running · 12 succeeded"],
    [{ archived: 1, draft: 2, failed: 4 }, "2 draft · 4 failed · 1 archived"],
  ])("summarises %j", (counts, text) => {
    expect(runCountsSummary(counts)).toBe(text);
  });
});

describe("metadataText", () => {
  it("is empty for no metadata and indented JSON otherwise", () => {
    expect(metadataText({})).toBe("");
    expect(metadataText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe("changedFields", () => {
  it.each([
    ["nothing", base, {}],
    ["the name", { ...base, name: "Cold" }, { name: "Cold" }],
    ["tags, order included", { ...base, tags: ["b", "a"] }, { tags: ["b", "a"] }],
    ["not metadata key order", { ...base, metadata: { n: 1, bench: "B2" } }, {}],
    ["metadata values", { ...base, metadata: {} }, { metadata: {} }],
    ["not fields outside the form", { ...base, id: "x", status: "active" }, {}],
    ["type and description", { ...base, type: "cold", description: "d" }, { type: "cold", description: "d" }],
  ])("reports %s", (_what, after, changes) => {
    expect(changedFields(base, after)).toEqual(changes);
  });
});

describe("newIdempotencyKey", () => {
  it("makes distinct keys the contract accepts", () => {
    const keys = new Set(Array.from({ length: 20 }, newIdempotencyKey));
    expect(keys.size).toBe(20);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  });
});
