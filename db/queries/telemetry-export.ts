// Keyset pages of a run's or session's readings for the streamed CSV export. Pages walk the (run_id, time) /
// (capture_session_id, time) index in time order from the last time seen, so each page costs the same at any depth
// and memory stays flat; readings sharing the page's last timestamp are fetched whole by telemetryExportAt.
import { sql } from "drizzle-orm";
import type { Queryable } from "../client";
import type { ReadScope } from "./telemetry-read";

export interface TelemetryExportRow {
  /** The reading time as UTC ISO text with microseconds: exact, unlike a JS Date, and usable as the page key. */
  time: string;
  sensorId: string;
  sensor: string;
  rawValue: number;
  value: number;
  unit: string;
  profileVersion: number | null;
}

const scopeOf = (scope: ReadScope) => (scope.kind === "run" ? sql`r.run_id = ${scope.id}::uuid` : sql`r.capture_session_id = ${scope.id}::uuid`);

const columns = sql`to_char(r.time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as time, r.sensor_id::text as "sensorId",
  s.name as sensor, r.raw_value as "rawValue", r.value, s.unit, r.profile_version as "profileVersion"`;

type Row = { [K in keyof TelemetryExportRow]: TelemetryExportRow[K] };

/** Up to `limit` readings after `afterTime`, in time order (ties in no particular order). */
export async function telemetryExportPage(db: Queryable, q: { scope: ReadScope; afterTime?: string; limit: number }): Promise<TelemetryExportRow[]> {
  const after = q.afterTime ? sql`and r.time > ${q.afterTime}::timestamptz` : sql``;
  const rows = await db.execute<Row>(sql`
    select ${columns}
    from (select * from telemetry_readings r where ${scopeOf(q.scope)} ${after} order by r.time limit ${q.limit}) r
    join sensors s on s.id = r.sensor_id
    order by r.time`);
  return [...rows];
}

/** Every reading of the scope at exactly `time` (one per sensor at most). */
export async function telemetryExportAt(db: Queryable, q: { scope: ReadScope; time: string }): Promise<TelemetryExportRow[]> {
  const rows = await db.execute<Row>(sql`
    select ${columns} from telemetry_readings r join sensors s on s.id = r.sensor_id
    where ${scopeOf(q.scope)} and r.time = ${q.time}::timestamptz`);
  return [...rows];
}
