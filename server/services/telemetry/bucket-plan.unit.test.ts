import { describe, expect, it } from "vitest";
import { BUCKET_ORIGIN_MS, bucketSource, bucketWidthMs, planBuckets } from "./bucket-plan";

describe("bucketWidthMs", () => {
  it.each([
    [1000, 2000, 1],
    [5000, 2000, 3],
    [1_999_000, 2000, 1000],
    [2_001_000, 2000, 2000],
    [100_000_000, 2000, 50_000],
    [119_000_000, 2000, 60_000],
    [130_000_000, 2000, 120_000],
    [0, 2000, 1],
  ])("span %i ms in %i buckets → %i ms", (span, buckets, width) => {
    expect(bucketWidthMs(span, buckets)).toBe(width);
  });
});

describe("bucketSource", () => {
  it.each([
    [999, false, "raw"],
    [999, true, "raw"],
    [1000, false, "rollup"],
    [59_000, true, "rollup"],
    [60_000, false, "rollup"],
    [60_000, true, "aggregate"],
  ] as const)("%i ms, timescale %s → %s", (width, timescale, source) => {
    expect(bucketSource(width, timescale)).toBe(source);
  });
});

describe("planBuckets", () => {
  it("widens the range to whole buckets on the 2000-01-01 grid", () => {
    const from = BUCKET_ORIGIN_MS + 90_500;
    const plan = planBuckets(from, from + 200_000, 60_000, true);
    expect(plan).toEqual({ widthMs: 60_000, source: "aggregate", gridFromMs: BUCKET_ORIGIN_MS + 60_000, gridToMs: BUCKET_ORIGIN_MS + 300_000 });
  });

  it("treats `to` as exclusive: a range ending on a bucket boundary does not take the next bucket", () => {
    expect(planBuckets(BUCKET_ORIGIN_MS, BUCKET_ORIGIN_MS + 2000, 1000, false).gridToMs).toBe(BUCKET_ORIGIN_MS + 2000);
    expect(planBuckets(BUCKET_ORIGIN_MS, BUCKET_ORIGIN_MS + 2001, 1000, false).gridToMs).toBe(BUCKET_ORIGIN_MS + 3000);
  });
});
