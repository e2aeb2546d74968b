import { describe, expect, it } from "vitest";
import { changedKeys, prettyJson } from "./json";

describe("json", () => {
  it("renders null snapshots as a dash and objects as indented JSON", () => {
    expect(prettyJson(null)).toBe("—");
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });

  it("lists the top-level keys that were added, removed or changed", () => {
    expect(changedKeys({ role: "viewer", email: "a@x", tags: ["a"] }, { role: "editor", email: "a@x", tags: ["a"], name: "A" })).toEqual([
      "name",
      "role",
    ]);
    expect(changedKeys({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(changedKeys({ a: 1 }, {})).toEqual(["a"]);
    expect(changedKeys({ a: undefined }, {})).toEqual(["a"]);
    expect(changedKeys(null, { a: 1 })).toBeNull();
    expect(changedKeys([1], [2])).toBeNull();
  });
});
