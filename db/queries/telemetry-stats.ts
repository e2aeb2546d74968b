// The sensor page's telemetry figures: last seen, readings accepted in a recent window, the newest live token's hint,
// and the per-sensor clock-correction setting (sensor_ingest_state).
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";

export interface SensorTelemetryFigures {
  tokenHint: string | null;
  lastSeenAt: Date | null;
  acceptedInWindow: number;
  clockCorrection: boolean;
}

export async function loadSensorTelemetryFigures(q: Queryable, sensorId: string, since: Date): Promise<SensorTelemetryFigures> {
  const rows = await q.execute<{ token_hint: string | null; last_seen_at: string | null; accepted: number; clock_correction: boolean | null }>(sql`
    select
      (select hint from sensor_credentials c
        where c.sensor_id = ${sensorId} and c.revoked_at is null and (c.expires_at is null or c.expires_at > now())
        order by c.created_at desc limit 1) as token_hint,
      (select last_seen_at from sensor_ingest_state where sensor_id = ${sensorId}) as last_seen_at,
      (select coalesce(sum(accepted), 0)::int from telemetry_batches
        where sensor_id = ${sensorId} and received_at >= ${since.toISOString()}::timestamptz) as accepted,
      (select clock_correction from sensor_ingest_state where sensor_id = ${sensorId}) as clock_correction`);
  const row = rows[0]!;
  return {
    tokenHint: row.token_hint,
    lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at) : null,
    acceptedInWindow: Number(row.accepted),
    clockCorrection: row.clock_correction ?? false,
  };
}

/**
 * The current setting, with the sensor's ingest-state row created if needed and locked to the end of the transaction.
 * It locks only that row, as ingest does (never the sensors row first), so the two cannot deadlock.
 */
export async function lockClockCorrection(q: Queryable, sensorId: string): Promise<boolean> {
  await q.execute(sql`insert into sensor_ingest_state (sensor_id) values (${sensorId}) on conflict (sensor_id) do nothing`);
  const rows = await q.execute<{ clock_correction: boolean }>(sql`
    select clock_correction from sensor_ingest_state where sensor_id = ${sensorId} for update`);
  return rows[0]!.clock_correction;
}

export async function updateClockCorrection(q: Queryable, sensorId: string, enabled: boolean): Promise<void> {
  await q.execute(sql`update sensor_ingest_state set clock_correction = ${enabled} where sensor_id = ${sensorId}`);
}
