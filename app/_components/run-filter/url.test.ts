import { describe, expect, it } from "vitest";
import type { RunFilter } from "../../../domain/run/filter";
import { MAX_FILTER_PARAM_LENGTH, decodeRunFilter, encodeRunFilter } from "./url";

const filter: RunFilter = {
  and: [
    { status: ["running", "failed"] },
    { or: [{ param: { key: "lr", op: "<", value: 0.01 } }, { param: { key: "opt", op: "=", value: "adam" } }] },
    { tags: { mode: "none", values: ["smoke", "größe 🚀"] } },
    { metadata: { key: "operator", exists: true } },
    { date: { field: "createdAt", from: new Date("2025-03-01T00:00:00.000Z"), to: new Date("2025-04-01T12:30:00.000Z") } },
    { not: { param: { key: "flag", op: "!=", value: false } } },
  ],
};

describe("encodeRunFilter / decodeRunFilter", () => {
  it("round-trips a filter, dates and non-ASCII text included", () => {
    expect(decodeRunFilter(encodeRunFilter(filter))).toEqual(filter);
  });

  it("produces URL-safe text without padding", () => {
    expect(encodeRunFilter(filter)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("reads missing or empty text as no filter", () => {
    expect(decodeRunFilter(undefined)).toBeUndefined();
    expect(decodeRunFilter(null)).toBeUndefined();
    expect(decodeRunFilter("")).toBeUndefined();
  });

  it.each([
    ["not base64url", "a+b/c="],
    ["a truncated base64 quantum", "abcde"],
    ["not JSON", btoa("{nope").replace(/=+$/, "")],
    ["invalid UTF-8", btoa("\u00ff\u00fe").replace(/=+$/, "")],
  ])("returns undefined for %s", (_name, text) => {
    expect(decodeRunFilter(text)).toBeUndefined();
  });

  it("returns undefined for JSON that is not a valid filter", () => {
    const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(decodeRunFilter(encode({ status: [] }))).toBeUndefined();
    expect(decodeRunFilter(encode({ param: { key: "lr", op: "<", value: "x" } }))).toBeUndefined();
    expect(decodeRunFilter(encode({ status: ["running"], tags: { mode: "any", values: ["a"] } }))).toBeUndefined();
    expect(decodeRunFilter(encode([1, 2]))).toBeUndefined();
    expect(decodeRunFilter(encode(null))).toBeUndefined();
  });

  it("refuses overly long text without parsing it", () => {
    expect(decodeRunFilter("A".repeat(MAX_FILTER_PARAM_LENGTH + 1))).toBeUndefined();
  });
});
