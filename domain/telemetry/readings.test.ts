import { describe, expect, it } from "vitest";
import type { ConversionSpec } from "../conversion/profile";
import { FUTURE_TOLERANCE_MS, validateReading, validateReadings, type ReadingRules } from "./readings";

const NOW = Date.UTC(2026, 10, 27, 12);
const iso = (ms: number) => new Date(ms).toISOString();
const rules = (over: Partial<ReadingRules> = {}): ReadingRules => ({ nowMs: NOW, spec: null, clockOffsetMs: null, clockCorrection: false, ...over });
const lookup: ConversionSpec = { kind: "lookup", points: [{ raw: 0, value: 0 }, { raw: 10, value: 100 }], outOfRange: "reject" };

describe("validateReading: rejection codes", () => {
  it.each<[string, unknown, Partial<ReadingRules>, string]>([
    ["not an object", 42, {}, "invalid_value"],
    ["an array", [1, 2], {}, "invalid_value"],
    ["null raw_value", { timestamp: NOW, raw_value: null }, {}, "invalid_value"],
    ["missing raw_value", { timestamp: NOW }, {}, "invalid_value"],
    ['"NaN" string', { timestamp: NOW, raw_value: "NaN" }, {}, "invalid_value"],
    ['"Infinity" string', { timestamp: NOW, raw_value: "Infinity" }, {}, "invalid_value"],
    ["numeric string", { timestamp: NOW, raw_value: "1.5" }, {}, "invalid_value"],
    ["NaN number", { timestamp: NOW, raw_value: Number.NaN }, {}, "invalid_value"],
    ["-Infinity", { timestamp: NOW, raw_value: Number.NEGATIVE_INFINITY }, {}, "invalid_value"],
    ["meta not an object", { timestamp: NOW, raw_value: 1, meta: "x" }, {}, "invalid_value"],
    ["meta an array", { timestamp: NOW, raw_value: 1, meta: [1] }, {}, "invalid_value"],
    ["meta with a NUL", { timestamp: NOW, raw_value: 1, meta: { note: "a\u0000b" } }, {}, "invalid_value"],
    ["meta key with a lone surrogate", { timestamp: NOW, raw_value: 1, meta: { "\ud800": 1 } }, {}, "invalid_value"],
    ["meta value with a lone low surrogate", { timestamp: NOW, raw_value: 1, meta: { a: ["x\udc00"] } }, {}, "invalid_value"],
    ["meta nested 17 deep", { timestamp: NOW, raw_value: 1, meta: JSON.parse(`${'{"a":'.repeat(17)}1${"}".repeat(17)}`) }, {}, "invalid_value"],
    ["conversion overflows", { timestamp: NOW, raw_value: 1e308 }, { spec: { kind: "linear", gain: 10, offset: 0 } }, "invalid_value"],
    ["bad timestamp", { timestamp: "soon", raw_value: 1 }, {}, "invalid_timestamp"],
    ["missing timestamp", { raw_value: 1 }, {}, "invalid_timestamp"],
    ["6 min ahead", { timestamp: NOW + 6 * 60_000, raw_value: 1 }, {}, "timestamp_in_future"],
    ["ahead only after correction", { timestamp: NOW, raw_value: 1 }, { clockOffsetMs: -6 * 60_000, clockCorrection: true }, "timestamp_in_future"],
    ["below the table", { timestamp: NOW, raw_value: -1 }, { spec: lookup }, "out_of_range"],
    ["above the table", { timestamp: NOW, raw_value: 11 }, { spec: lookup }, "out_of_range"],
  ])("%s → %s", (_name, item, over, code) => {
    const result = validateReading(item, 3, rules(over));
    expect(result).toMatchObject({ index: 3, code });
    expect("message" in result && result.message.length).toBeGreaterThan(0);
  });
});

describe("validateReading: accepted", () => {
  it("converts with the spec and keeps device time", () => {
    expect(validateReading({ timestamp: iso(NOW), raw_value: 5, meta: { q: 1 } }, 0, rules({ spec: lookup }))).toEqual({
      index: 0, deviceTimeMs: NOW, timeMs: NOW, raw: 5, value: 50, meta: { q: 1 },
    });
  });

  it("meta may hold emoji (paired surrogates) and nest 16 deep", () => {
    const deep = JSON.parse(`${'{"a":'.repeat(16)}"😀"${"}".repeat(16)}`);
    expect(validateReading({ timestamp: NOW, raw_value: 1, meta: deep }, 0, rules())).toMatchObject({ meta: deep });
  });

  it("a hostile nesting depth is refused without a stack overflow", () => {
    const meta = JSON.parse(`${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`);
    expect(validateReading({ timestamp: NOW, raw_value: 1, meta }, 0, rules())).toMatchObject({ code: "invalid_value" });
  });

  it("without a spec the value is the raw value", () => {
    expect(validateReading({ timestamp: NOW, raw_value: 2.5 }, 0, rules())).toMatchObject({ raw: 2.5, value: 2.5, meta: null });
  });

  it("exactly at the future tolerance is accepted", () => {
    expect(validateReading({ timestamp: NOW + FUTURE_TOLERANCE_MS, raw_value: 1 }, 0, rules())).toMatchObject({ timeMs: NOW + FUTURE_TOLERANCE_MS });
  });

  it("clock correction shifts time but not device time; a device 10 min ahead is not in the future once corrected", () => {
    const ahead = NOW + 10 * 60_000;
    expect(validateReading({ timestamp: ahead, raw_value: 1 }, 0, rules({ clockOffsetMs: 10 * 60_000, clockCorrection: true }))).toMatchObject({
      deviceTimeMs: ahead, timeMs: NOW,
    });
    expect(validateReading({ timestamp: ahead, raw_value: 1 }, 0, rules({ clockOffsetMs: 10 * 60_000, clockCorrection: false }))).toMatchObject({
      code: "timestamp_in_future",
    });
  });
});

describe("validateReadings", () => {
  it("splits valid and rejected, keeps indexes, and counts repeated timestamps in the batch as duplicates", () => {
    const batch = validateReadings(
      [
        { timestamp: NOW - 2000, raw_value: 1 },
        { timestamp: "bad", raw_value: 1 },
        { timestamp: NOW - 2000, raw_value: 2 },
        { timestamp: NOW - 1000, raw_value: "NaN" },
        { timestamp: NOW - 1000, raw_value: 3 },
      ],
      rules(),
    );
    expect(batch.valid.map((r) => [r.index, r.raw])).toEqual([[0, 1], [4, 3]]);
    expect(batch.rejected.map((r) => [r.index, r.code])).toEqual([[1, "invalid_timestamp"], [3, "invalid_value"]]);
    expect(batch.batchDuplicates).toBe(1);
  });
});
