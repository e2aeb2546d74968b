import { describe, expect, it } from "vitest";
import { describeResolution, formatOffset } from "./telemetry-history-format";

describe("formatOffset", () => {
  it.each([
    [0, 60_000, "+0:00"],
    [61_000, 60_000, "+1:01"],
    [3_723_000, 4_000_000, "+1:02:03"],
    [1_234, 5_000, "+0:01.234"],
    [-5_000, 60_000, "−0:05"],
  ])("%i ms over a %i ms span → %s", (ms, span, text) => {
    expect(formatOffset(ms, span)).toBe(text);
  });
});

describe("describeResolution", () => {
  it.each([
    ["points", null, "raw readings"],
    ["raw", 250, "min/max/avg per 250 ms"],
    ["rollup", 5000, "min/max/avg per 5 s"],
    ["aggregate", 120_000, "min/max/avg per 2 min"],
  ] as const)("%s / %s → %s", (source, bucketMs, text) => {
    expect(describeResolution(source, bucketMs)).toBe(text);
  });
});
