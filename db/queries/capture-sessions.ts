// Capture sessions: the running session of a run, ordinal assignment, row locks for status changes, per-run counts.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { CaptureSessionStatus } from "../../domain/capture-session/status";
import type { Queryable } from "../client";
import { captureSessions, runs } from "../schema";

export type CaptureSessionRow = typeof captureSessions.$inferSelect;

export const ONE_RUNNING_INDEX = "capture_sessions_one_running_idx";
export const RUN_ORDINAL_INDEX = "capture_sessions_run_ordinal_idx";

export async function findRunningSession(db: Queryable, runId: string) {
  const [row] = await db
    .select({ id: captureSessions.id, ordinalNumber: captureSessions.ordinalNumber, startedAt: captureSessions.startedAt })
    .from(captureSessions)
    .where(and(eq(captureSessions.runId, runId), eq(captureSessions.status, "running")))
    .limit(1);
  return row;
}

/**
 * Locks the run (an UPDATE takes the row lock) and takes its next session ordinal from the counter in the same
 * statement; the ordinal is the returned row's lastSessionOrdinal. A caller that then refuses the start rolls the
 * counter back with its transaction; a committed ordinal is never reused, even after a delete.
 */
export async function lockRunTakingOrdinal(db: Queryable, { projectId, runId }: { projectId: string; runId: string }) {
  const [row] = await db
    .update(runs)
    .set({ lastSessionOrdinal: sql`${runs.lastSessionOrdinal} + 1` })
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .returning({ id: runs.id, status: runs.status, lastSessionOrdinal: runs.lastSessionOrdinal });
  return row;
}

export async function insertCaptureSession(
  db: Queryable,
  values: { id: string; projectId: string; runId: string; ordinalNumber: number; createdBy: string },
): Promise<CaptureSessionRow> {
  const [row] = await db.insert(captureSessions).values({ ...values, status: "running" }).returning();
  return row!;
}

export async function lockSessionInProject(db: Queryable, { projectId, sessionId }: { projectId: string; sessionId: string }) {
  const [row] = await db
    .select()
    .from(captureSessions)
    .where(and(eq(captureSessions.id, sessionId), eq(captureSessions.projectId, projectId)))
    .for("update");
  return row;
}

export async function updateSessionStatus(
  db: Queryable,
  sessionId: string,
  values: { status: CaptureSessionStatus; endedAt?: Date; failureReason?: string | null },
): Promise<CaptureSessionRow> {
  const [row] = await db
    .update(captureSessions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(captureSessions.id, sessionId))
    .returning();
  return row!;
}

export async function deleteCaptureSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(captureSessions).where(eq(captureSessions.id, sessionId));
}

/** One index probe (telemetry_readings_session_idx): a session that holds readings is archived, never deleted. */
export async function sessionHasTelemetry(db: Queryable, sessionId: string): Promise<boolean> {
  const rows = await db.execute<{ found: boolean }>(
    sql`select exists (select 1 from telemetry_readings where capture_session_id = ${sessionId}) as found`,
  );
  return rows[0]?.found === true;
}

export async function listSessionsOfRun(db: Queryable, runId: string): Promise<CaptureSessionRow[]> {
  return db.select().from(captureSessions).where(eq(captureSessions.runId, runId)).orderBy(asc(captureSessions.ordinalNumber));
}

/** Session counts for a page of runs in one grouped query; runs without sessions are absent from the map. */
export async function countSessionsByRun(db: Queryable, runIds: string[]): Promise<Map<string, number>> {
  if (runIds.length === 0) return new Map();
  const rows = await db
    .select({ runId: captureSessions.runId, n: count() })
    .from(captureSessions)
    .where(inArray(captureSessions.runId, runIds))
    .groupBy(captureSessions.runId);
  return new Map(rows.map((r) => [r.runId, r.n]));
}

/** The name of the unique index a write broke (Postgres 23505), looking through drizzle's wrapping; null otherwise. */
export function violatedUniqueIndex(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name: constraint } = e as { code?: unknown; constraint_name?: unknown };
    if (code === "23505") return typeof constraint === "string" ? constraint : "";
  }
  return null;
}
