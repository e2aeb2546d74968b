// Historical telemetry reads for charts: raw points, bucketed min/max envelopes from the raw rows, the 1-second rollups
// or the Timescale 1-minute continuous aggregate. Functions take a SqlRunner, so the same SQL runs on postgres.js in the
// app and on in-process PGlite + TimescaleDB in tests. Times cross the boundary as epoch milliseconds (float8).
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";

export interface SqlRunner {
  rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]>;
}

const runners = new WeakMap<Queryable, SqlRunner>();

export function sqlRunner(db: Queryable): SqlRunner {
  const known = runners.get(db);
  if (known) return known;
  // drizzle types the rows as Assume<T, Row>, which is T for any row shape; the SQL's column aliases define T.
  const runner: SqlRunner = { rows: async <T extends Record<string, unknown>>(query: SQL) => [...(await db.execute<T>(query))] as T[] };
  runners.set(db, runner);
  return runner;
}

/** What a run/session read is scoped by on the raw rows. */
export type ReadScope = { kind: "run"; id: string } | { kind: "session"; id: string };

export interface Bucket {
  t: number;
  min: number;
  max: number;
  avg: number;
  count: number;
}

export interface TimescaleInfo {
  /** The continuous aggregate's materialization hypertable, for its watermark. */
  aggregateHypertableId: number;
}

const timescaleCache = new WeakMap<SqlRunner, Promise<TimescaleInfo | null>>();

/** Detected once per runner: is TimescaleDB installed with our 1-minute continuous aggregate? */
export function detectTimescale(runner: SqlRunner): Promise<TimescaleInfo | null> {
  let found = timescaleCache.get(runner);
  if (!found) {
    found = (async () => {
      const [ext] = await runner.rows<{ present: boolean }>(sql`select exists (select 1 from pg_extension where extname = 'timescaledb') as present`);
      if (!ext?.present) return null;
      const [agg] = await runner.rows<{ id: number }>(sql`
        select mat_hypertable_id as id from _timescaledb_catalog.continuous_agg where user_view_name = 'telemetry_readings_1m'`);
      return agg ? { aggregateHypertableId: Number(agg.id) } : null;
    })();
    found.catch(() => timescaleCache.delete(runner));
    timescaleCache.set(runner, found);
  }
  return found;
}

const ts = (ms: number) => sql`to_timestamp(${ms / 1000}::float8)`;
const epochMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;
const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
const scopeFilter = (scope: ReadScope) => (scope.kind === "run" ? sql`run_id = ${scope.id}::uuid` : sql`capture_session_id = ${scope.id}::uuid`);

/** Up to `limit` raw points per sensor in [from, to), oldest first. A sensor that returns `limit` rows has more. */
export async function rawPoints(
  runner: SqlRunner,
  q: { sensorIds: string[]; scope: ReadScope; fromMs: number; toMs: number; limit: number },
): Promise<Map<string, Bucket[]>> {
  const result = new Map<string, Bucket[]>(q.sensorIds.map((id) => [id, []]));
  if (q.sensorIds.length === 0) return result;
  const rows = await runner.rows<{ sensorId: string; t: number; v: number }>(sql`
    select s.id::text as "sensorId", r.t, r.v
    from unnest(${uuidArray(q.sensorIds)}) as s(id)
    cross join lateral (
      select ${epochMs(sql`time`)} as t, value as v from telemetry_readings
      where sensor_id = s.id and ${scopeFilter(q.scope)} and time >= ${ts(q.fromMs)} and time < ${ts(q.toMs)}
      order by time limit ${q.limit}
    ) r`);
  for (const r of rows) result.get(r.sensorId)!.push({ t: Number(r.t), min: r.v, max: r.v, avg: r.v, count: 1 });
  return result;
}

/** A time span [fromMs, toMs). */
export interface Span {
  fromMs: number;
  toMs: number;
}

/**
 * The 1-second rollup rows of the sensors in [from, to), within `clip` when given. Rollups are per sensor, not per run:
 * the clip (a run's recorded spans) keeps out what the sensor sent while it was recording for nothing or for another
 * run, at second precision. Each clip span is one range scan of the rollups' primary key.
 */
function rollupRows(ids: SQL, fromMs: number, toMs: number, clip: Span[] | undefined): SQL {
  const columns = sql`r.sensor_id, r.bucket as at, r.min_value, r.max_value, r.sum_value, r.count`;
  const from = ts(Math.floor(fromMs / 1000) * 1000);
  if (!clip) return sql`select ${columns} from telemetry_rollups_1s r where r.sensor_id = any(${ids}) and r.bucket >= ${from} and r.bucket < ${ts(toMs)}`;
  const starts = `{${clip.map((c) => new Date(Math.floor(c.fromMs / 1000) * 1000).toISOString()).join(",")}}`;
  const ends = `{${clip.map((c) => new Date(c.toMs).toISOString()).join(",")}}`;
  return sql`select ${columns} from unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) as c(f, t)
    join telemetry_rollups_1s r on r.sensor_id = any(${ids}) and r.bucket >= greatest(c.f, ${from}) and r.bucket < least(c.t, ${ts(toMs)})`;
}

/** Readings per sensor in [from, to) by the 1-second rollups: a cheap estimate (whole seconds), within `clip` if given. */
export async function rollupCounts(runner: SqlRunner, q: { sensorIds: string[]; fromMs: number; toMs: number; clip?: Span[] }): Promise<Map<string, number>> {
  const result = new Map<string, number>(q.sensorIds.map((id) => [id, 0]));
  if (q.sensorIds.length === 0) return result;
  const rows = await runner.rows<{ sensorId: string; n: number }>(sql`
    select rr.sensor_id::text as "sensorId", sum(rr.count)::float8 as n from (${rollupRows(uuidArray(q.sensorIds), q.fromMs, q.toMs, q.clip)}) rr
    group by rr.sensor_id`);
  for (const r of rows) result.set(r.sensorId, Number(r.n));
  return result;
}

/** Whether any of the sensors has a 1-second rollup row in one of the `gaps` (each one index probe, stops at the first). */
export async function rollupsInGaps(runner: SqlRunner, sensorIds: string[], gaps: Span[]): Promise<boolean> {
  if (sensorIds.length === 0 || gaps.length === 0) return false;
  const [row] = await runner.rows<{ found: boolean }>(sql`
    select exists (${rollupRows(uuidArray(sensorIds), gaps[0]!.fromMs, gaps.at(-1)!.toMs, gaps)}) as found`);
  return Boolean(row?.found);
}

/**
 * The spans a run's readings were recorded in, merged and oldest first: each capture session's window (running: up to
 * now) widened to its own readings, plus the span of readings stored against the run without a session (an explicit
 * run_id or an attach; the partial index telemetry_readings_run_sessionless_idx finds them without a scan).
 */
export async function recordedSpans(runner: SqlRunner, runId: string, nowMs: number): Promise<Span[]> {
  const rows = await runner.rows<{ f: number | null; t: number | null }>(sql`
    select ${epochMs(sql`least(s.started_at, (select min(time) from telemetry_readings where capture_session_id = s.id))`)} as f,
      ${epochMs(sql`greatest(coalesce(s.ended_at, ${ts(nowMs)}), (select max(time) from telemetry_readings where capture_session_id = s.id) + interval '1 millisecond')`)} as t
    from capture_sessions s where s.run_id = ${runId}::uuid
    union all
    select ${epochMs(sql`min(time)`)}, ${epochMs(sql`max(time)`)} + 1
    from telemetry_readings where run_id = ${runId}::uuid and capture_session_id is null`);
  const spans = rows
    .filter((r): r is { f: number; t: number } => r.f != null && r.t != null)
    .map((r) => ({ fromMs: Number(r.f), toMs: Number(r.t) }))
    .sort((a, b) => a.fromMs - b.fromMs);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.fromMs <= last.toMs) last.toMs = Math.max(last.toMs, span.toMs);
    else merged.push({ ...span });
  }
  return merged;
}

export interface BucketQuery {
  sensorIds: string[];
  scope: ReadScope;
  widthMs: number;
  gridFromMs: number;
  gridToMs: number;
  source: "raw" | "rollup" | "aggregate";
  /** time_bucket when TimescaleDB is there, date_bin otherwise (same buckets: both anchored at 2000-01-01). */
  timescale: TimescaleInfo | null;
  /** For the rollup source: only rows within these spans (a run's recorded spans). */
  clip?: Span[];
}

function binOf(column: SQL, q: BucketQuery): SQL {
  const width = sql`(${q.widthMs}::float8 * interval '1 millisecond')`;
  const origin = sql`timestamptz '2000-01-01 00:00:00+00'`;
  return q.timescale ? sql`time_bucket(${width}, ${column}, ${origin})` : sql`date_bin(${width}, ${column}, ${origin})`;
}

// Rollups and the aggregate are per sensor, not per run. Within a session's window a sensor records into that session
// only (one recording session per sensor), so the window stands in for the raw rows' scope filter; a run's read is
// clipped to its recorded spans (the caller passes them, and uses the rollups rather than the aggregate then).
function sourceRows(q: BucketQuery): SQL {
  const ids = uuidArray(q.sensorIds);
  const range = (column: SQL) => sql`${column} >= ${ts(q.gridFromMs)} and ${column} < ${ts(q.gridToMs)}`;
  if (q.source === "raw") {
    return sql`select sensor_id, time as at, value as min_value, value as max_value, value as sum_value, 1 as count
      from telemetry_readings where sensor_id = any(${ids}) and ${scopeFilter(q.scope)} and ${range(sql`time`)}`;
  }
  const rollups = rollupRows(ids, q.gridFromMs, q.gridToMs, q.clip);
  if (q.source === "rollup" || !q.timescale) return rollups;
  // The aggregate up to its watermark (what has been materialized), the always-current rollups after it.
  const watermark = sql`(select _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark(${q.timescale.aggregateHypertableId}::int)))`;
  return sql`select sensor_id, bucket as at, min_value, max_value, avg_value * count as sum_value, count from telemetry_readings_1m
      where sensor_id = any(${ids}) and ${range(sql`bucket`)} and bucket < ${watermark}
    union all
    select * from (${rollups}) rr where rr.at >= ${watermark}`;
}

/** Min/max/avg/count per grid bucket and sensor, oldest first; empty buckets are absent. */
export async function bucketedSeries(runner: SqlRunner, q: BucketQuery): Promise<Map<string, Bucket[]>> {
  const result = new Map<string, Bucket[]>(q.sensorIds.map((id) => [id, []]));
  if (q.sensorIds.length === 0) return result;
  // Group on the raw uuid and timestamptz; converting to text and epoch per input row would dominate the cost.
  const rows = await runner.rows<{ sensorId: string; t: number; min: number; max: number; sum: number; count: number }>(sql`
    select agg.sensor_id::text as "sensorId", round(date_part('epoch', agg.b) * 1000) as t, agg.min, agg.max, agg.sum, agg.count
    from (
      select src.sensor_id, ${binOf(sql`src.at`, q)} as b, min(src.min_value)::float8 as min, max(src.max_value)::float8 as max,
        sum(src.sum_value)::float8 as sum, sum(src.count)::float8 as count
      from (${sourceRows(q)}) src
      group by 1, 2
    ) agg
    order by agg.sensor_id, agg.b`);
  for (const r of rows) {
    const count = Number(r.count);
    result.get(r.sensorId)!.push({ t: Number(r.t), min: r.min, max: r.max, avg: r.sum / count, count });
  }
  return result;
}

/** First and last reading time of a run or session (the (run_id, time) / (capture_session_id, time) indexes). */
export async function scopeExtent(runner: SqlRunner, scope: ReadScope): Promise<{ fromMs: number; toMs: number } | null> {
  const [row] = await runner.rows<{ first: number | null; last: number | null }>(sql`
    select ${epochMs(sql`min(time)`)} as first, ${epochMs(sql`max(time)`)} as last from telemetry_readings where ${scopeFilter(scope)}`);
  return row?.first == null || row.last == null ? null : { fromMs: Number(row.first), toMs: Number(row.last) };
}

export interface ScopeSession {
  id: string;
  runId: string;
  ordinalNumber: number;
  startedAtMs: number;
  endedAtMs: number | null;
}

export interface ScopeRun {
  id: string;
  startedAtMs: number | null;
  finishedAtMs: number | null;
}

/** The run (with its sessions) of a run or session scope, when it is in the project. */
export async function findScopeInProject(
  runner: SqlRunner,
  projectId: string,
  scope: ReadScope,
): Promise<{ run: ScopeRun; sessions: ScopeSession[] } | null> {
  const runWhere = scope.kind === "run" ? sql`r.id = ${scope.id}::uuid` : sql`r.id = (select run_id from capture_sessions where id = ${scope.id}::uuid)`;
  const [run] = await runner.rows<{ id: string; startedAt: number | null; finishedAt: number | null }>(sql`
    select r.id::text as id, ${epochMs(sql`r.started_at`)} as "startedAt", ${epochMs(sql`r.finished_at`)} as "finishedAt"
    from runs r where ${runWhere} and r.project_id = ${projectId}::uuid`);
  if (!run) return null;
  const sessions = await sessionsWhere(runner, scope.kind === "run" ? sql`run_id = ${run.id}::uuid` : sql`id = ${scope.id}::uuid`);
  if (scope.kind === "session" && sessions.length === 0) return null;
  return { run: { id: run.id, startedAtMs: nullableNumber(run.startedAt), finishedAtMs: nullableNumber(run.finishedAt) }, sessions };
}

/** The capture sessions among `ids` that belong to the project. */
export function sessionsInProject(runner: SqlRunner, projectId: string, ids: string[]): Promise<ScopeSession[]> {
  return sessionsWhere(runner, sql`id = any(${uuidArray(ids)}) and project_id = ${projectId}::uuid`);
}

async function sessionsWhere(runner: SqlRunner, where: SQL): Promise<ScopeSession[]> {
  const rows = await runner.rows<{ id: string; runId: string; ordinalNumber: number; startedAt: number; endedAt: number | null }>(sql`
    select id::text as id, run_id::text as "runId", ordinal_number as "ordinalNumber",
      ${epochMs(sql`started_at`)} as "startedAt", ${epochMs(sql`ended_at`)} as "endedAt"
    from capture_sessions where ${where} order by ordinal_number`);
  return rows.map((s) => ({ ...s, startedAtMs: Number(s.startedAt), endedAtMs: nullableNumber(s.endedAt) }));
}

const nullableNumber = (v: number | null) => (v == null ? null : Number(v));

export interface SeriesSensor {
  id: string;
  name: string;
  unit: string;
}

/**
 * The sensors to chart: those the run lists (run_sensors), those its sessions recorded from, and any sensor of the
 * project with readings in the scope within [from, to) — a sensor removed from the run keeps its data.
 */
export async function sensorsOfScope(
  runner: SqlRunner,
  q: { projectId: string; runId: string; scope: ReadScope; fromMs: number; toMs: number },
): Promise<SeriesSensor[]> {
  return runner.rows<{ id: string; name: string; unit: string }>(sql`
    select s.id::text as id, s.name, s.unit from sensors s
    where s.id in (select sensor_id from run_sensors where run_id = ${q.runId}::uuid
                   union select sensor_id from capture_session_sensors where run_id = ${q.runId}::uuid)
       or (s.id in (select sensor_id from sensor_projects where project_id = ${q.projectId}::uuid)
           and exists (select 1 from telemetry_readings r where r.sensor_id = s.id and ${scopeFilter(q.scope)}
                         and r.time >= ${ts(q.fromMs)} and r.time < ${ts(q.toMs)}))
    order by s.name, s.id`);
}
