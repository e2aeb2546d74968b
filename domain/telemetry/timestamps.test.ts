import { describe, expect, it } from "vitest";
import { MAX_EPOCH_MS, parseTimestamp } from "./timestamps";

describe("parseTimestamp", () => {
  it.each([
    ["2026-11-27T10:00:00Z", Date.UTC(2026, 10, 27, 10)],
    ["2026-11-27T10:00:00.250Z", Date.UTC(2026, 10, 27, 10, 0, 0, 250)],
    ["2026-11-27T10:00:00.123456Z", Date.UTC(2026, 10, 27, 10, 0, 0, 123)],
    ["2026-11-27T11:00:00+01:00", Date.UTC(2026, 10, 27, 10)],
    ["2026-11-27T11:00:00+0100", Date.UTC(2026, 10, 27, 10)],
    ["2028-02-29T00:00Z", Date.UTC(2028, 1, 29)],
    [1_795_737_600_123, 1_795_737_600_123],
    [1_795_737_600_123.9, 1_795_737_600_123],
    [0, 0],
  ])("accepts %j", (input, expected) => {
    expect(parseTimestamp(input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ["2026-11-27T10:00:00", "no zone"],
    ["2026-02-30T00:00:00Z", "day past month end"],
    ["2027-02-29T00:00:00Z", "not a leap year"],
    ["2026-13-01T00:00:00Z", "month 13"],
    ["2026-11-27T24:00:00Z", "hour 24"],
    ["2026-11-27 10:00:00Z", "space separator"],
    ["yesterday", "words"],
    ["1795737600123", "epoch as string"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "infinity"],
    [-1, "before 1970"],
    [MAX_EPOCH_MS + 1, "after 9999"],
    [null, "null"],
    [undefined, "missing"],
    [true, "boolean"],
    [{}, "object"],
  ])("rejects %j (%s)", (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});
