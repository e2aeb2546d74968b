// How a chart range is cut into buckets and which table answers it. Widths are rounded to whole seconds (≥ 1 s) and
// whole minutes (≥ 1 min) on a grid anchored at 2000-01-01, so a bucket is always a union of whole 1-second rollup rows
// or whole 1-minute aggregate rows: every source then gives exactly the same min/max/count for the same bucket.
export const BUCKET_ORIGIN_MS = Date.UTC(2000, 0, 1);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** raw: GROUP BY over telemetry_readings; rollup: telemetry_rollups_1s; aggregate: the Timescale 1-minute continuous aggregate. */
export type BucketSource = "raw" | "rollup" | "aggregate";

export interface BucketPlan {
  widthMs: number;
  source: BucketSource;
  /** The grid-aligned range covering [from, to): whole buckets only, end exclusive. */
  gridFromMs: number;
  gridToMs: number;
}

export function bucketWidthMs(spanMs: number, buckets: number): number {
  const width = Math.max(1, Math.ceil(spanMs / buckets));
  if (width >= MINUTE) return Math.ceil(width / MINUTE) * MINUTE;
  if (width >= SECOND) return Math.ceil(width / SECOND) * SECOND;
  return width;
}

export function bucketSource(widthMs: number, timescale: boolean): BucketSource {
  if (widthMs >= MINUTE && timescale) return "aggregate";
  return widthMs >= SECOND ? "rollup" : "raw";
}

export function bucketStartMs(timeMs: number, widthMs: number): number {
  return BUCKET_ORIGIN_MS + Math.floor((timeMs - BUCKET_ORIGIN_MS) / widthMs) * widthMs;
}

export function planBuckets(fromMs: number, toMs: number, widthMs: number, timescale: boolean): BucketPlan {
  return {
    widthMs,
    source: bucketSource(widthMs, timescale),
    gridFromMs: bucketStartMs(fromMs, widthMs),
    gridToMs: bucketStartMs(toMs - 1, widthMs) + widthMs,
  };
}
