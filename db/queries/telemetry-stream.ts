// Reads of the live telemetry stream (server/telemetry/stream): who may watch what, where a stream starts, and readings
// by per-sensor seq. Raw postgres.js on purpose: this is the fan-out hot path, and uuid arrays bind as one parameter.
import type postgres from "postgres";
import type { Role } from "../../domain/access";

export interface StreamTargets {
  runIds: readonly string[];
  sessionIds: readonly string[];
  sensorIds: readonly string[];
}

export interface StreamRow {
  sensorId: string;
  seq: number;
  /** ISO-8601 UTC with microseconds: the reading's (clock-corrected) time. */
  timestamp: string;
  rawValue: number;
  value: number;
  runId: string | null;
  captureSessionId: string | null;
}

const COLUMNS = (sql: postgres.Sql) => sql`
  sensor_id, seq::text as seq_text, to_char(time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ts,
  raw_value, value, run_id, capture_session_id`;

interface RawRow {
  sensor_id: string;
  seq_text: string;
  ts: string;
  raw_value: number;
  value: number;
  run_id: string | null;
  capture_session_id: string | null;
}

const toStreamRow = (r: RawRow): StreamRow => ({
  sensorId: r.sensor_id,
  seq: Number(r.seq_text),
  timestamp: r.ts,
  rawValue: r.raw_value,
  value: r.value,
  runId: r.run_id,
  captureSessionId: r.capture_session_id,
});

/** The user's role in the project of each requested run / session, and in every live project of each requested sensor. */
export async function findTargetRoles(sql: postgres.Sql, userId: string, t: StreamTargets) {
  return sql<{ kind: "run" | "session" | "sensor"; id: string; role: Role; run_id: string | null }[]>`
    select 'run' as kind, r.id, m.role, r.id as run_id from runs r
      join project_members m on m.project_id = r.project_id and m.user_id = ${userId}
      where r.id = any(${t.runIds as string[]}::uuid[])
    union all
    select 'session', cs.id, m.role, cs.run_id from capture_sessions cs
      join project_members m on m.project_id = cs.project_id and m.user_id = ${userId}
      where cs.id = any(${t.sessionIds as string[]}::uuid[])
    union all
    select 'sensor', sp.sensor_id, m.role, null from sensor_projects sp
      join sensors s on s.id = sp.sensor_id and s.deleted_at is null
      join project_members m on m.project_id = sp.project_id and m.user_id = ${userId}
      where sp.sensor_id = any(${t.sensorIds as string[]}::uuid[])`;
}

/** The sensors a stream starts with and each one's last committed seq: the "start live" position. */
export async function findStreamStart(sql: postgres.Sql, t: StreamTargets): Promise<Map<string, number>> {
  const rows = await sql<{ sensor_id: string; last_seq: string | null }[]>`
    with ids as (
      select unnest(${t.sensorIds as string[]}::uuid[]) as sensor_id
      union select sensor_id from run_sensors where run_id = any(${t.runIds as string[]}::uuid[])
      union select sensor_id from capture_session_sensors
        where run_id = any(${t.runIds as string[]}::uuid[]) or capture_session_id = any(${t.sessionIds as string[]}::uuid[])
    )
    select ids.sensor_id, s.last_seq::text as last_seq from ids left join sensor_ingest_state s using (sensor_id)`;
  return new Map(rows.map((r) => [r.sensor_id, Number(r.last_seq ?? 0)]));
}

/** One committed seq range of one sensor (a NOTIFY's fromSeq..toSeq), read once per process for all subscribers. */
export async function readSeqRange(sql: postgres.Sql, sensorId: string, fromSeq: number, toSeq: number): Promise<StreamRow[]> {
  const rows = await sql<RawRow[]>`
    select ${COLUMNS(sql)} from telemetry_readings
    where sensor_id = ${sensorId} and seq between ${fromSeq} and ${toSeq} order by seq`;
  return rows.map(toStreamRow);
}

/** A page of what a resuming stream missed: one sensor's readings after `afterSeq` that belong to the stream's targets. */
export async function readReplayPage(
  sql: postgres.Sql,
  { sensorId, afterSeq, targets, limit }: { sensorId: string; afterSeq: number; targets: StreamTargets; limit: number },
): Promise<StreamRow[]> {
  const rows = await sql<RawRow[]>`
    select ${COLUMNS(sql)} from telemetry_readings
    where sensor_id = ${sensorId} and seq > ${afterSeq}
      and (sensor_id = any(${targets.sensorIds as string[]}::uuid[])
        or run_id = any(${targets.runIds as string[]}::uuid[])
        or capture_session_id = any(${targets.sessionIds as string[]}::uuid[]))
    order by seq limit ${limit}`;
  return rows.map(toStreamRow);
}
