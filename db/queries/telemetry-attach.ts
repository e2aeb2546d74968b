// Readings a sensor sent while no capture session was recording it (run_id and capture_session_id null), and moving
// them into a run or session afterwards. Their values, times and seqs stay as they are.
import { sql } from "drizzle-orm";
import type { CaptureSessionStatus } from "../../domain/capture-session/status";
import type { RunStatus } from "../../domain/run/status";
import type { Queryable } from "../client";

export async function summariseUnattached(q: Queryable, sensorId: string) {
  const rows = await q.execute<{ count: number; first: string | null; last: string | null }>(sql`
    select count(*)::int as count, min(time) as first, max(time) as last
    from telemetry_readings where sensor_id = ${sensorId}::uuid and run_id is null and capture_session_id is null`);
  const row = rows[0]!;
  return { count: row.count, first: row.first ? new Date(row.first) : null, last: row.last ? new Date(row.last) : null };
}

export async function attachUnattached(
  q: Queryable,
  a: { sensorId: string; runId: string; captureSessionId: string | null; late: boolean; from: Date; to: Date },
): Promise<number> {
  const rows = await q.execute<{ n: number }>(sql`
    with moved as (
      update telemetry_readings set run_id = ${a.runId}::uuid, capture_session_id = ${a.captureSessionId}::uuid, late = ${a.late}
      where sensor_id = ${a.sensorId}::uuid and run_id is null and capture_session_id is null
        and time >= ${a.from.toISOString()}::timestamptz and time <= ${a.to.toISOString()}::timestamptz
      returning 1)
    select count(*)::int as n from moved`);
  return rows[0]!.n;
}

/** The target's status and span under a share lock (a concurrent archive waits), or null when not in the project. */
export async function lockAttachTarget(q: Queryable, t: { projectId: string; runId?: string; captureSessionId?: string }) {
  const rows = await q.execute<{ run_id: string; run_status: RunStatus; session_status: CaptureSessionStatus | null; started: string | null; ended: string | null }>(
    t.captureSessionId
      ? sql`select r.id as run_id, r.status as run_status, cs.status as session_status, cs.started_at as started, cs.ended_at as ended
            from capture_sessions cs join runs r on r.id = cs.run_id
            where cs.id = ${t.captureSessionId}::uuid and r.project_id = ${t.projectId}::uuid for share of r, cs`
      : sql`select r.id as run_id, r.status as run_status, null as session_status, r.started_at as started, r.finished_at as ended
            from runs r where r.id = ${t.runId!}::uuid and r.project_id = ${t.projectId}::uuid for share of r`,
  );
  const row = rows[0];
  return row
    ? { runId: row.run_id, runStatus: row.run_status, sessionStatus: row.session_status, started: row.started ? new Date(row.started) : null, ended: row.ended ? new Date(row.ended) : null }
    : null;
}
