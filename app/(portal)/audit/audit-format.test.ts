import { describe, expect, it } from "vitest";
import { changedKeys, isoToLocalInput, localInputToIso, parseIso, prettyJson, shortId } from "./audit-format";

describe("audit-format", () => {
  it("round-trips a datetime-local value through ISO", () => {
    const iso = localInputToIso("2025-03-01T14:05");
    expect(iso).toMatch(/^2025-0[23]-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(isoToLocalInput(iso)).toBe("2025-03-01T14:05");
  });

  it("treats empty and invalid dates as unset", () => {
    expect(localInputToIso("")).toBe("");
    expect(localInputToIso("not a date")).toBe("");
    expect(isoToLocalInput("nope")).toBe("");
    expect(parseIso(null)).toBeUndefined();
    expect(parseIso("2025-01-01T00:00:00.000Z")?.getTime()).toBe(Date.UTC(2025, 0, 1));
  });

  it("shortens long ids only", () => {
    expect(shortId("0f9a1c2e-1111-2222-3333-444455556666")).toBe("0f9a1c2e…");
    expect(shortId("abc")).toBe("abc");
  });

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
