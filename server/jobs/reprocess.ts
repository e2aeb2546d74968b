// The work of a reprocess job: walk the target's readings in time order, a chunk per transaction, recompute value and
// profile_version from raw_value with the chosen version, refresh the 1 s rollups of the chunk's time range, and record
// progress plus the keyset cursor in the same transaction, so a reclaimed job resumes after the last committed chunk.
// A raw value the version cannot convert (outside a rejecting lookup table) keeps its old value and profile version and
// is counted as skipped. Each chunk holds the sensor's ingest lock (concurrent ingest of that sensor waits for one chunk,
// well under a second) so rollups stay exact. No NOTIFY: live streams carry new readings, not rewrites of old ones.
import { reprocessPayload, type ReprocessPayload } from "../../contracts/job";
import type { Db } from "../../db/client";
import * as q from "../../db/queries/jobs";
import { findProfile } from "../../db/queries/sensors";
import { refreshRollups } from "../../db/queries/telemetry-rollup";
import { convert, type ConversionSpec } from "../../domain/conversion/profile";

export const DEFAULT_CHUNK_SIZE = 5_000;

/** The job cannot succeed whatever the retry: fail it now rather than spend more attempts. */
export class PermanentJobError extends Error {}
/** Another worker took the job over (our lease ran out); this worker must stop writing. */
export class LeaseLostError extends Error {}
/** The worker is stopping; the job goes back to the queue. */
export class JobInterruptedError extends Error {}

export interface ChunkOptions {
  chunkSize: number;
  leaseMs: number;
  signal?: AbortSignal;
}

function convertChunk(spec: ConversionSpec, rows: { time: string; rawValue: number }[]) {
  const values: { time: string; value: number }[] = [];
  for (const row of rows) {
    const result = convert(spec, row.rawValue);
    if (result.ok) values.push({ time: row.time, value: result.value });
  }
  return { values, skipped: rows.length - values.length };
}

export async function runReprocess(db: Db, job: q.JobRow, options: ChunkOptions): Promise<void> {
  const parsed = reprocessPayload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError("The job's payload is not a valid reprocess request.");
  const lease: q.JobLease = { id: job.id, attempts: job.attempts };
  const target: q.ReadingTarget = parsed.data;
  const profile = await findProfile(db, { sensorId: target.sensorId, version: parsed.data.profileVersion });
  if (!profile) throw new PermanentJobError(`The sensor has no conversion profile version ${parsed.data.profileVersion}.`);

  let state: ReprocessPayload = parsed.data;
  let progress = job.progress;
  // Counted when the job first starts; a resumed job keeps the count it already showed.
  let total = job.total;
  if (state.cursor === null) {
    total = progress + (await q.countTargetReadings(db, target));
    if (!(await q.recordJobProgress(db, lease, { progress, total, payload: state, leaseMs: options.leaseMs }))) throw new LeaseLostError();
  }
  for (;;) {
    if (options.signal?.aborted) throw new JobInterruptedError("The worker is stopping.");
    const next = await db.transaction(async (tx) => {
      await q.lockSensorIngest(tx, target.sensorId);
      const rows = await q.selectReadingChunk(tx, target, state.cursor, options.chunkSize);
      const last = rows.at(-1);
      const first = rows[0];
      if (!first || !last) {
        if (!(await q.recordJobProgress(tx, lease, { progress, total, payload: state, leaseMs: options.leaseMs }))) throw new LeaseLostError();
        return null;
      }
      const { values, skipped } = convertChunk(profile.spec, rows);
      await q.updateReadingValues(tx, { sensorId: target.sensorId, profileVersion: profile.version, values });
      await refreshRollups(tx, target.sensorId, new Date(first.time), new Date(last.time));
      const after = { state: { ...state, cursor: last.time, skipped: state.skipped + skipped }, progress: progress + rows.length };
      const newTotal = Math.max(total, after.progress);
      if (!(await q.recordJobProgress(tx, lease, { progress: after.progress, total: newTotal, payload: after.state, leaseMs: options.leaseMs }))) {
        throw new LeaseLostError();
      }
      return { ...after, total: newTotal, more: rows.length === options.chunkSize };
    });
    if (!next) return;
    ({ state, progress, total } = next);
    if (!next.more) return;
  }
}
