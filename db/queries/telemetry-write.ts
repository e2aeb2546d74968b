// The SQL of the ingest path: the sensor's ingest context, explicit targets (checked against the sensor's projects),
// idempotency receipts, and the batch write: two statements between BEGIN and COMMIT, because round trips, not Node,
// bound the route on a busy host (docs/benchmarks.md). Readings go in as one INSERT … SELECT FROM unnest(...) of
// array literals, no COPY (so neither postgres.js COPY trap applies, see shared PERFORMANCE-NOTES), and
// ON CONFLICT (sensor_id, time) DO NOTHING makes a retried batch a no-op.
import { sql } from "drizzle-orm";
import type { ConversionSpec } from "../../domain/conversion/profile";
import type { CaptureSessionStatus } from "../../domain/capture-session/status";
import type { RunStatus } from "../../domain/run/status";
import type { Queryable } from "../client";
import { TELEMETRY_CHANNEL } from "./telemetry-notify";

/** Where a sensor's readings go when the request names no target: the running session it is recording into. */
export interface RecordingTarget {
  runId: string;
  captureSessionId: string;
  runStatus: RunStatus;
}

export interface IngestContext {
  profileVersion: number | null;
  spec: ConversionSpec | null;
  clockCorrection: boolean;
  recording: RecordingTarget | null;
}

/**
 * The active conversion profile, the clock-correction setting and the recording target of a (not deleted) sensor, in
 * one round trip (the recording probe is one lookup in the partial unique index of capture_session_sensors).
 */
export async function loadIngestContext(q: Queryable, sensorId: string): Promise<IngestContext | null> {
  const rows = await q.execute<{
    version: number | null; spec: ConversionSpec | null; clock_correction: boolean | null;
    rec_run_id: string | null; rec_session_id: string | null; rec_run_status: RunStatus | null;
  }>(sql`
    select cp.version, cp.spec, sis.clock_correction,
           rec.run_id as rec_run_id, rec.capture_session_id as rec_session_id, rec.status as rec_run_status
    from sensors s
    left join conversion_profiles cp on cp.sensor_id = s.id and cp.version = s.active_profile_version
    left join sensor_ingest_state sis on sis.sensor_id = s.id
    left join lateral (
      select css.run_id, css.capture_session_id, r.status
      from capture_session_sensors css
      join capture_sessions cs on cs.id = css.capture_session_id and cs.status = 'running'
      join runs r on r.id = css.run_id
      where css.sensor_id = s.id and css.recording
      limit 1) rec on true
    where s.id = ${sensorId} and s.deleted_at is null`);
  const row = rows[0];
  if (!row) return null;
  const recording = row.rec_run_id && row.rec_session_id && row.rec_run_status
    ? { runId: row.rec_run_id, captureSessionId: row.rec_session_id, runStatus: row.rec_run_status }
    : null;
  return { profileVersion: row.version ?? null, spec: row.spec ?? null, clockCorrection: row.clock_correction ?? false, recording };
}

export interface ExplicitTarget {
  runId: string;
  captureSessionId: string | null;
  runStatus: RunStatus;
  sessionStatus: CaptureSessionStatus | null;
}

/** The session (and its run) if it lives in a project the sensor belongs to; `runId`, when given, must be its run. */
export async function findSessionTargetForSensor(
  q: Queryable,
  { sensorId, captureSessionId, runId }: { sensorId: string; captureSessionId: string; runId?: string },
): Promise<ExplicitTarget | null> {
  const rows = await q.execute<{ run_id: string; run_status: RunStatus; session_status: CaptureSessionStatus }>(sql`
    select cs.run_id, r.status as run_status, cs.status as session_status
    from capture_sessions cs
    join runs r on r.id = cs.run_id
    where cs.id = ${captureSessionId}
      and (${runId ?? null}::uuid is null or cs.run_id = ${runId ?? null}::uuid)
      and exists (select 1 from sensor_projects sp where sp.sensor_id = ${sensorId} and sp.project_id = r.project_id)`);
  const row = rows[0];
  return row ? { runId: row.run_id, captureSessionId, runStatus: row.run_status, sessionStatus: row.session_status } : null;
}

export async function findRunTargetForSensor(q: Queryable, { sensorId, runId }: { sensorId: string; runId: string }): Promise<ExplicitTarget | null> {
  const rows = await q.execute<{ status: RunStatus }>(sql`
    select r.status from runs r
    where r.id = ${runId}
      and exists (select 1 from sensor_projects sp where sp.sensor_id = ${sensorId} and sp.project_id = r.project_id)`);
  const row = rows[0];
  return row ? { runId, captureSessionId: null, runStatus: row.status, sessionStatus: null } : null;
}

/** The newest batches' clock offsets (device minus server, ms) within the window, for the median estimate. */
export async function recentClockOffsets(q: Queryable, sensorId: string, since: Date, limit: number) {
  const rows = await q.execute<{ offset_ms: number; received_at: string }>(sql`
    select clock_offset_ms as offset_ms, received_at from telemetry_batches
    where sensor_id = ${sensorId} and received_at >= ${since.toISOString()}::timestamptz and clock_offset_ms is not null
    order by received_at desc limit ${limit}`);
  return rows.map((r) => ({ offsetMs: Number(r.offset_ms), receivedAtMs: new Date(r.received_at).getTime() }));
}

export async function findStoredReceipt(q: Queryable, sensorId: string, idempotencyKey: string): Promise<Record<string, unknown> | null> {
  const rows = await q.execute<{ receipt: Record<string, unknown> | null }>(sql`
    select receipt from telemetry_batches where sensor_id = ${sensorId} and idempotency_key = ${idempotencyKey}`);
  return rows[0]?.receipt ?? null;
}

export interface LockedTarget {
  runStatus: RunStatus;
  sessionStatus: CaptureSessionStatus | null;
}

/**
 * Step 1 of a batch write, one statement: takes the sensor's ingest-state row lock (held to commit, so one sensor's
 * batches commit in seq order) and reserves `count` seq numbers; and reads the target's statuses under a share lock,
 * so a status change (archive, finish), which takes the run row's update lock, either commits before this read or
 * waits until the batch has committed. `target` is null when the target run no longer exists (or none was given).
 */
export async function reserveSeqsAndLockTarget(
  q: Queryable,
  { sensorId, count, runId, captureSessionId }: { sensorId: string; count: number; runId: string | null; captureSessionId: string | null },
): Promise<{ firstSeq: number; target: LockedTarget | null }> {
  const rows = await q.execute<{ last_seq: string; found: boolean; run_status: RunStatus | null; session_status: CaptureSessionStatus | null }>(sql`
    with seq as (
      insert into sensor_ingest_state (sensor_id, last_seq, last_seen_at) values (${sensorId}, ${count}, now())
      on conflict (sensor_id) do update set last_seq = sensor_ingest_state.last_seq + excluded.last_seq, last_seen_at = now()
      returning last_seq),
    target as (
      select r.status as run_status, cs.status as session_status
      from runs r left join capture_sessions cs on cs.id = ${captureSessionId}::uuid and cs.run_id = r.id
      where r.id = ${runId}::uuid
      for share of r)
    select seq.last_seq, t.run_status is not null as found, t.run_status, t.session_status
    from seq left join target t on true`);
  const row = rows[0]!;
  const target = row.found ? { runStatus: row.run_status!, sessionStatus: row.session_status } : null;
  return { firstSeq: Number(row.last_seq) - count + 1, target };
}

/** Column arrays of the valid readings; times are epoch milliseconds (converted in SQL, cheaper than toISOString). */
export interface ReadingColumns {
  times: number[];
  deviceTimes: number[];
  raw: number[];
  values: number[];
  metas: (Record<string, unknown> | null)[];
}

export interface ReadingsInsert extends ReadingColumns {
  sensorId: string;
  firstSeq: number;
  profileVersion: number | null;
  runId: string | null;
  captureSessionId: string | null;
  late: boolean;
}

const plainArray = (items: readonly (string | number)[]) => `{${items.join(",")}}`;
// unnest pads a shorter array with NULLs, so a column that is all NULL, or that repeats `time`, travels as '{}'.
const sameTimes = (a: readonly number[], b: readonly number[]) => a.every((t, i) => t === b[i]);
const deviceTimesArray = (r: ReadingColumns) => (sameTimes(r.deviceTimes, r.times) ? "{}" : plainArray(r.deviceTimes));
const metasArray = (metas: ReadingColumns["metas"]) => (metas.every((m) => m === null) ? "{}" : jsonArray(metas));
const jsonArray = (items: readonly (Record<string, unknown> | null)[]) =>
  `{${items.map((m) => (m === null ? "NULL" : `"${JSON.stringify(m).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;

export interface BatchRow {
  sentAt: Date | null;
  clockOffsetMs: number | null;
  /** Duplicates within the request plus the valid readings: the receipt's duplicates are this minus those inserted. */
  duplicatesBeforeInsert: number;
  rejected: readonly object[];
  source: "api" | "csv";
  idempotencyKey: string | null;
}

/**
 * Steps 2–4 of a batch write in one statement: the multi-row insert (seq = firstSeq + position), the merge of the new
 * rows into telemetry_rollups_1s, the batch's receipt row (idempotency replays, readings/s, clock offsets) and, when
 * rows were new, the NOTIFY of their seq range (delivered on commit). Returns how many rows were new and the receipt
 * as stored, which is what the request answers (and what a replay of its Idempotency-Key answers).
 */
export async function insertReadings(
  q: Queryable,
  r: ReadingsInsert,
  b: BatchRow,
): Promise<{ inserted: number; receipt: Record<string, unknown> }> {
  const rows = await q.execute<{ n: number; receipt: Record<string, unknown> }>(sql`
    with ins as (
      insert into telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, profile_version, run_id, capture_session_id, late, meta)
      select ${r.sensorId}::uuid, to_timestamp(t.time_ms / 1000.0), to_timestamp(coalesce(t.device_ms, t.time_ms) / 1000.0), ${r.firstSeq - 1}::bigint + t.ord,
             t.raw, t.val, ${r.profileVersion}::int, ${r.runId}::uuid, ${r.captureSessionId}::uuid, ${r.late}::boolean, t.meta
      from unnest(${plainArray(r.times)}::float8[], ${deviceTimesArray(r)}::float8[],
                  ${plainArray(r.raw)}::float8[], ${plainArray(r.values)}::float8[], ${metasArray(r.metas)}::jsonb[])
           with ordinality as t(time_ms, device_ms, raw, val, meta, ord)
      on conflict (sensor_id, time) do nothing
      returning time, value, seq),
    -- Only rows this statement inserted reach the rollup, so merging them into the 1 s buckets is exact (and spares
    -- re-reading them); reprocessing, which changes values, recomputes buckets with refreshRollups instead.
    rollup as (
      insert into telemetry_rollups_1s (sensor_id, bucket, min_value, max_value, sum_value, count)
      select ${r.sensorId}::uuid, date_bin('1 second', time, timestamptz '2000-01-01'), min(value), max(value), sum(value), count(*)
      from ins group by 2
      on conflict (sensor_id, bucket) do update set
        min_value = least(telemetry_rollups_1s.min_value, excluded.min_value),
        max_value = greatest(telemetry_rollups_1s.max_value, excluded.max_value),
        sum_value = telemetry_rollups_1s.sum_value + excluded.sum_value,
        count = telemetry_rollups_1s.count + excluded.count),
    agg as (select count(*)::int as n, min(seq) as from_seq, max(seq) as to_seq from ins),
    batch as (
      insert into telemetry_batches (sensor_id, sent_at, clock_offset_ms, accepted, duplicates, rejected, run_id, capture_session_id, source, idempotency_key, receipt)
      select ${r.sensorId}::uuid, ${b.sentAt?.toISOString() ?? null}::timestamptz, ${b.clockOffsetMs}::float8, n,
             ${b.duplicatesBeforeInsert}::int - n, ${b.rejected.length}::int, ${r.runId}::uuid, ${r.captureSessionId}::uuid, ${b.source},
             ${b.idempotencyKey}::text,
             jsonb_build_object('accepted', n, 'duplicates', ${b.duplicatesBeforeInsert}::int - n, 'rejected', ${JSON.stringify(b.rejected)}::jsonb,
                                'capture_session_id', ${r.captureSessionId}::uuid, 'run_id', ${r.runId}::uuid)
      from agg
      returning receipt)
    select n, (select receipt from batch) as receipt,
           case when n > 0 then pg_notify(${TELEMETRY_CHANNEL}, json_build_object('sensorId', ${r.sensorId}::uuid, 'fromSeq', from_seq, 'toSeq', to_seq,
             'runId', ${r.runId}::uuid, 'captureSessionId', ${r.captureSessionId}::uuid)::text) end as notified
    from agg`);
  const row = rows[0]!;
  return { inserted: row.n, receipt: row.receipt };
}
