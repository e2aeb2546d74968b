import { describe, expect, it } from "vitest";
import { batchClockOffset, correctTimestamp, estimateClockOffset } from "./clock-offset";

const NOW = 1_800_000_000_000;
const at = (offsetMs: number, agoMs = 0) => ({ offsetMs, receivedAtMs: NOW - agoMs });

describe("batchClockOffset", () => {
  it("is device minus server: positive when the device runs ahead", () => {
    expect(batchClockOffset(NOW + 1500, NOW)).toBe(1500);
    expect(batchClockOffset(NOW - 200, NOW)).toBe(-200);
  });
});

describe("estimateClockOffset", () => {
  it.each([
    ["no samples", [], null],
    ["one sample", [at(120)], 120],
    ["odd count: the middle", [at(100), at(300), at(200)], 200],
    ["even count: mean of the two middle ones", [at(100), at(200), at(300), at(400)], 250],
    ["a huge outlier does not move it", [at(100), at(110), at(105), at(90_000), at(95)], 105],
    ["outliers on both sides", [at(-50_000), at(10), at(12), at(11), at(70_000)], 11],
    ["samples older than the window are ignored", [at(5000, 2 * 60 * 60 * 1000), at(10)], 10],
    ["samples from the future are ignored", [at(5000, -1000), at(10)], 10],
    ["non-finite offsets are ignored", [at(Number.NaN), at(7)], 7],
  ])("%s", (_name, samples, expected) => {
    expect(estimateClockOffset(samples, NOW)).toBe(expected);
  });

  it("uses only the newest maxSamples", () => {
    const old = Array.from({ length: 5 }, (_, i) => at(1000, 10_000 + i));
    const fresh = Array.from({ length: 3 }, (_, i) => at(1, i));
    expect(estimateClockOffset([...old, ...fresh], NOW, { maxSamples: 3 })).toBe(1);
    expect(estimateClockOffset([...old, ...fresh], NOW, { maxSamples: 8 })).toBe(1000);
  });
});

describe("correctTimestamp", () => {
  it.each([
    [NOW, 2000, true, NOW - 2000],
    [NOW, -2000, true, NOW + 2000],
    [NOW, 2000, false, NOW],
    [NOW, null, true, NOW],
    [NOW, 0.6, true, NOW - 1],
  ])("device %d, estimate %s, enabled %s → %d", (device, estimate, enabled, expected) => {
    expect(correctTimestamp(device, estimate, enabled)).toBe(expected);
  });
});
