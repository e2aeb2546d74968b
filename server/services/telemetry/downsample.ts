// One chart request → at most ~N points per sensor: the raw points when there are no more than N of them, otherwise a
// min/max envelope per bucket (so a one-sample spike survives any zoom level) from the cheapest exact source.
import {
  bucketedSeries, detectTimescale, rawPoints, recordedSpans, rollupCounts, rollupsInGaps, type Bucket, type ReadScope, type Span,
  type SqlRunner,
} from "../../../db/queries/telemetry-read";
import { bucketWidthMs, planBuckets, type BucketSource } from "./bucket-plan";

/** Above this many raw rows in range (all sensors together), sub-second buckets give way to 1-second rollups. */
export const RAW_ROW_BUDGET = 100_000;
const MIN_RAW_WIDTH_TO_COARSEN_MS = 100;

export interface DownsampleRequest {
  sensorIds: string[];
  scope: ReadScope;
  fromMs: number;
  toMs: number;
  buckets: number;
  /** Overrides the width computed from the span (overlays use one width for all sessions). */
  widthMs?: number;
  /** Tests compare the Timescale path with the plain one on the same database. */
  ignoreTimescale?: boolean;
  rawRowBudget?: number;
}

export interface DownsampledSeries {
  sensorId: string;
  /** "points" when the raw readings are returned as they are. */
  source: BucketSource | "points";
  bucketMs: number | null;
  points: Bucket[];
}

const SECOND = 1000;

/** The parts of [from, to) outside the spans, in whole seconds as the rollups see them. */
function gapsOf(spans: Span[], fromMs: number, toMs: number): Span[] {
  const gaps: Span[] = [];
  let cursor = Math.floor(fromMs / SECOND) * SECOND;
  for (const span of spans) {
    const start = Math.floor(span.fromMs / SECOND) * SECOND;
    if (start > cursor) gaps.push({ fromMs: cursor, toMs: Math.min(start, toMs) });
    cursor = Math.max(cursor, Math.ceil(span.toMs / SECOND) * SECOND);
  }
  if (cursor < toMs) gaps.push({ fromMs: cursor, toMs });
  return gaps.filter((g) => g.fromMs < g.toMs);
}

/**
 * A run's recorded spans, when the per-sensor rollups must be clipped to them: only if one of the sensors sent readings
 * in a gap of [from, to) (between sessions, before or after them: stored against the sensor alone or for another run),
 * which would otherwise show up in the run's chart. Null when nothing needs clipping, including every session read.
 */
async function runClip(runner: SqlRunner, req: DownsampleRequest): Promise<Span[] | null> {
  if (req.scope.kind !== "run") return null;
  const spans = await recordedSpans(runner, req.scope.id, Date.now());
  const gaps = gapsOf(spans, req.fromMs, req.toMs);
  return (await rollupsInGaps(runner, req.sensorIds, gaps)) ? spans : null;
}

export async function downsample(runner: SqlRunner, req: DownsampleRequest): Promise<DownsampledSeries[]> {
  const timescale = req.ignoreTimescale ? null : await detectTimescale(runner);
  const clip = await runClip(runner, req);
  const requestedWidth = req.widthMs ?? bucketWidthMs(req.toMs - req.fromMs, req.buckets);
  // The 1-minute aggregate cannot be clipped at second precision; clipped reads use the 1-second rollups instead.
  const planFor = (width: number) => {
    const p = planBuckets(req.fromMs, req.toMs, width, timescale !== null);
    return clip && p.source === "aggregate" ? { ...p, source: "rollup" as const } : p;
  };
  let plan = planFor(requestedWidth);
  const bucket = async (sensorIds: string[]) => {
    // One query per sensor, in parallel: the pool spreads them over the server's cores.
    const maps = await Promise.all(
      sensorIds.map((id) => bucketedSeries(runner, { sensorIds: [id], scope: req.scope, timescale, ...plan, clip: clip ?? undefined })),
    );
    return new Map(maps.flatMap((m) => [...m]));
  };
  const points = (sensorIds: string[]) =>
    rawPoints(runner, { sensorIds, scope: req.scope, fromMs: req.fromMs, toMs: req.toMs, limit: req.buckets + 1 });
  let bucketed: Map<string, Bucket[]>;
  let raw: Map<string, Bucket[]>;
  if (plan.source === "raw") {
    // Narrow range: the rollups (at most one row per second) estimate the raw rows. Few → the raw points themselves;
    // too many to scan quickly → 1-second buckets from the rollups; otherwise buckets over the raw rows.
    const counts = await rollupCounts(runner, { sensorIds: req.sensorIds, fromMs: req.fromMs, toMs: req.toMs, clip: clip ?? undefined });
    raw = await points(req.sensorIds.filter((id) => counts.get(id)! <= req.buckets));
    const dense = req.sensorIds.filter((id) => !raw.has(id) || raw.get(id)!.length > req.buckets);
    const total = dense.reduce((n, id) => n + counts.get(id)!, 0);
    if (total > (req.rawRowBudget ?? RAW_ROW_BUDGET) && plan.widthMs >= MIN_RAW_WIDTH_TO_COARSEN_MS) plan = planFor(1000);
    bucketed = await bucket(dense);
  } else {
    // Wide range: the cheap pre-aggregated buckets first; only sensors with few readings are read raw.
    bucketed = await bucket(req.sensorIds);
    raw = await points(req.sensorIds.filter((id) => bucketed.get(id)!.reduce((n, b) => n + b.count, 0) <= req.buckets));
    for (const id of raw.keys()) if (raw.get(id)!.length <= req.buckets) bucketed.delete(id);
  }
  return req.sensorIds.map((sensorId) => {
    const buckets = bucketed.get(sensorId);
    return buckets
      ? { sensorId, source: plan.source, bucketMs: plan.widthMs, points: buckets }
      : { sensorId, source: "points" as const, bucketMs: null, points: raw.get(sensorId)! };
  });
}
