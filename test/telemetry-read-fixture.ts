// Runs, sessions, sensors and readings for the telemetry read tests, in plain SQL so the same fixture seeds real
// PostgreSQL and PGlite + TimescaleDB. Readings go in with the ingest path's shape: unnest arrays, ON CONFLICT DO NOTHING.
import { sql } from "drizzle-orm";
import type { SqlRunner } from "../db/queries/telemetry-read";

const ts = (ms: number) => sql`to_timestamp(${ms / 1000}::float8)`;

async function one(runner: SqlRunner, query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await runner.rows<{ id: string }>(query);
  if (!row) throw new Error("fixture insert returned nothing");
  return row.id;
}

export function insertProject(runner: SqlRunner, name = "Telemetry project"): Promise<string> {
  return one(runner, sql`insert into projects (name) values (${name}) returning id::text as id`);
}

export async function insertRun(
  runner: SqlRunner,
  projectId: string,
  q: { startedMs: number; finishedMs?: number | null; sessions: { startMs: number; endMs: number | null }[] },
): Promise<{ runId: string; sessionIds: string[] }> {
  const experimentId = await one(runner, sql`insert into experiments (project_id, name) values (${projectId}::uuid, 'exp') returning id::text as id`);
  const status = q.finishedMs ? "succeeded" : "running";
  const runId = await one(runner, sql`
    insert into runs (project_id, experiment_id, name, status, started_at, finished_at)
    values (${projectId}::uuid, ${experimentId}::uuid, 'run', ${status}, ${ts(q.startedMs)}, ${q.finishedMs ? ts(q.finishedMs) : null})
    returning id::text as id`);
  const sessionIds: string[] = [];
  for (const [i, s] of q.sessions.entries()) {
    sessionIds.push(
      await one(runner, sql`
        insert into capture_sessions (project_id, run_id, ordinal_number, status, started_at, ended_at)
        values (${projectId}::uuid, ${runId}::uuid, ${i + 1}, ${s.endMs ? "stopped" : "running"}, ${ts(s.startMs)}, ${s.endMs ? ts(s.endMs) : null})
        returning id::text as id`),
    );
  }
  return { runId, sessionIds };
}

export async function insertSensor(runner: SqlRunner, projectId: string, name: string, unit = "°C", runId?: string): Promise<string> {
  const id = await one(runner, sql`insert into sensors (name, unit, raw_unit) values (${name}, ${unit}, 'mV') returning id::text as id`);
  await runner.rows(sql`insert into sensor_projects (sensor_id, project_id, is_primary) values (${id}::uuid, ${projectId}::uuid, true) returning sensor_id`);
  if (runId) await runner.rows(sql`insert into run_sensors (run_id, sensor_id) values (${runId}::uuid, ${id}::uuid) returning run_id`);
  return id;
}

const arrayLiteral = (values: (number | string)[]) => `{${values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(",")}}`;

/** The ingest statement's shape; value = raw * 2 (a linear profile, version 1). Returns the number actually inserted. */
export async function insertReadings(
  runner: SqlRunner,
  q: { sensorId: string; runId: string | null; sessionId: string | null; readings: [timeMs: number, raw: number][]; late?: boolean },
): Promise<number> {
  const times = q.readings.map(([t]) => new Date(t).toISOString());
  const raws = q.readings.map(([, raw]) => raw);
  const rows = await runner.rows<{ seq: number }>(sql`
    insert into telemetry_readings (sensor_id, time, device_time, seq, raw_value, value, profile_version, run_id, capture_session_id, late)
    select ${q.sensorId}::uuid, u.t, u.t,
      coalesce((select max(seq) from telemetry_readings where sensor_id = ${q.sensorId}::uuid), 0) + u.n,
      u.raw, u.raw * 2, 1, ${q.runId}::uuid, ${q.sessionId}::uuid, ${q.late ?? false}
    from unnest(${arrayLiteral(times)}::timestamptz[], ${arrayLiteral(raws)}::float8[]) with ordinality as u(t, raw, n)
    on conflict (sensor_id, time) do nothing
    returning seq`);
  return rows.length;
}

/** `count` readings every `stepMs` from `fromMs`: a slow sine wave with a single spike of +1000 at index `spikeAt`. */
export function waveReadings(fromMs: number, count: number, stepMs: number, spikeAt?: number): [number, number][] {
  return Array.from({ length: count }, (_, i) => [fromMs + i * stepMs, Math.round(Math.sin(i / 50) * 1000) / 100 + (i === spikeAt ? 1000 : 0)]);
}
