// Keeps telemetry_rollups_1s in step with the raw readings: each ingest (and each reprocess) recomputes the 1-second
// buckets its time range touches from the raw rows, so the rollup is exact after duplicates, late data and new values.
import { sql, type SQL } from "drizzle-orm";

/** `q` is the pool or a transaction; typed structurally so the PGlite + TimescaleDB tests can run it too. */
export async function refreshRollups(q: { execute(query: SQL): PromiseLike<unknown> }, sensorId: string, from: Date, to: Date): Promise<void> {
  await q.execute(sql`
    insert into telemetry_rollups_1s (sensor_id, bucket, min_value, max_value, sum_value, count)
    select sensor_id, date_bin('1 second', time, timestamptz '2000-01-01'), min(value), max(value), sum(value), count(*)
    from telemetry_readings
    where sensor_id = ${sensorId}
      and time >= date_bin('1 second', ${from.toISOString()}::timestamptz, timestamptz '2000-01-01')
      and time < date_bin('1 second', ${to.toISOString()}::timestamptz, timestamptz '2000-01-01') + interval '1 second'
    group by 1, 2
    on conflict (sensor_id, bucket) do update
      set min_value = excluded.min_value, max_value = excluded.max_value, sum_value = excluded.sum_value, count = excluded.count`);
}
