// Capture sessions: numbered recording windows inside a running run, at most one running at a time. The run row lock
// serialises ordinal assignment; the partial unique index capture_sessions_one_running_idx is the last line of defence.
import { randomUUID } from "node:crypto";
import type { CaptureSessionIdInput, FailCaptureSessionInput, ListCaptureSessionsInput, StartCaptureSessionInput } from "../../contracts/capture-session";
import type { Tx } from "../../db/client";
import * as q from "../../db/queries/capture-sessions";
import { listRunSensorIds, ONE_RECORDING_INDEX, stopRecording } from "../../db/queries/run-sensors";
import { findRunInProject } from "../../db/queries/runs";
import { notifyStatus } from "../../db/queries/telemetry-notify";
import { assertRunAcceptsSession, decideSessionRemoval, type SessionRemoval } from "../../domain/capture-session/rules";
import { captureSessionStatus, type CaptureSessionStatus } from "../../domain/capture-session/status";
import { DomainError } from "../../domain/errors";
import { runDurationMs } from "../../domain/run/rules";
import { recordAudit } from "../audit";
import { withIdempotency } from "../idempotency";
import type { ProjectContext } from "./context";
import { recordingConflictAfter, recordRunSensors } from "./run-sensor";

function toSessionView(s: q.CaptureSessionRow, now: Date = new Date()) {
  return {
    id: s.id,
    runId: s.runId,
    ordinalNumber: s.ordinalNumber,
    status: s.status,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    failureReason: s.failureReason,
    createdAt: s.createdAt,
    durationMs: runDurationMs(s.startedAt, s.endedAt, now),
  };
}

const alreadyRunning = (ordinal: number) =>
  new DomainError("CONFLICT", `Capture session #${ordinal} is already running. Stop it before starting another.`, {
    reason: "session_running",
    ordinal,
  });

export async function start(ctx: ProjectContext, input: StartCaptureSessionInput) {
  const request = { db: ctx.db, userId: ctx.user.id, scope: "captureSession.start", key: input.idempotencyKey, input };
  return withIdempotency(request, async (db) => {
    try {
      return await db.transaction(async (tx) => {
        // Statements issued together in a transaction travel in one round trip and run in order, so the reads still
        // happen after the run lock is granted.
        const [run, running, sensorIds] = await Promise.all([
          q.lockRunTakingOrdinal(tx, { projectId: ctx.project.id, runId: input.runId }),
          q.findRunningSession(tx, input.runId),
          listRunSensorIds(tx, { projectId: ctx.project.id, runId: input.runId }),
        ]);
        if (!run) throw new DomainError("NOT_FOUND", "Run not found.");
        assertRunAcceptsSession(run.status);
        if (running) throw alreadyRunning(running.ordinalNumber);
        const ordinalNumber = run.lastSessionOrdinal;
        // The id is chosen here so that the session's row, its sensors, audit event and NOTIFY go in one round trip.
        const id = randomUUID();
        const [session] = await Promise.all([
          q.insertCaptureSession(tx, { id, projectId: ctx.project.id, runId: run.id, ordinalNumber, createdBy: ctx.user.id }),
          recordRunSensors(tx, { projectId: ctx.project.id, runId: run.id, captureSessionId: id }, sensorIds),
          recordAudit(tx, ctx, {
            action: "capture_session.started",
            entityType: "capture_session",
            entityId: id,
            after: { runId: run.id, ordinalNumber, status: "running" },
          }),
          notifyStatus(tx, { kind: "capture_session", id, runId: run.id, projectId: ctx.project.id, status: "running" }),
        ]);
        return toSessionView(session);
      });
    } catch (error) {
      // A unique violation means some writer bypassed the run lock. The transaction (or savepoint) is rolled back by now.
      const index = q.violatedUniqueIndex(error);
      if (index === ONE_RECORDING_INDEX) throw await recordingConflictAfter(error, db, () => listRunSensorIds(db, { projectId: ctx.project.id, runId: input.runId }));
      if (index !== q.ONE_RUNNING_INDEX && index !== q.RUN_ORDINAL_INDEX) throw error;
      const running = await q.findRunningSession(db, input.runId);
      if (running) throw alreadyRunning(running.ordinalNumber);
      throw new DomainError("CONFLICT", "Another capture session started at the same moment. Try again.", { reason: "session_race" });
    }
  });
}

async function lockSessionOrThrow(tx: Tx, ctx: ProjectContext, id: string) {
  const session = await q.lockSessionInProject(tx, { projectId: ctx.project.id, sessionId: id });
  if (!session) throw new DomainError("NOT_FOUND", "Capture session not found.");
  return session;
}

/** Status change of a session already locked by this transaction: four independent writes, sent in one round trip. */
async function changeStatus(tx: Tx, ctx: ProjectContext, session: q.CaptureSessionRow, to: CaptureSessionStatus, reason?: string) {
  captureSessionStatus.assertTransition(session.status, to);
  const why = reason?.trim() || null;
  const { runId, ordinalNumber } = session;
  const [, updated] = await Promise.all([
    session.status === "running" ? stopRecording(tx, { captureSessionId: session.id }) : undefined,
    q.updateSessionStatus(tx, session.id, {
      status: to,
      ...(session.status === "running" ? { endedAt: new Date() } : {}),
      ...(to === "failed" ? { failureReason: why } : {}),
    }),
    recordAudit(tx, ctx, {
      action: "capture_session.status_changed",
      entityType: "capture_session",
      entityId: session.id,
      before: { runId, ordinalNumber, status: session.status, reason: session.failureReason },
      after: { runId, ordinalNumber, status: to, reason: why },
    }),
    notifyStatus(tx, { kind: "capture_session", id: session.id, runId, projectId: ctx.project.id, status: to }),
  ]);
  return toSessionView(updated);
}

export function stop(ctx: ProjectContext, input: CaptureSessionIdInput) {
  return ctx.db.transaction(async (tx) => changeStatus(tx, ctx, await lockSessionOrThrow(tx, ctx, input.id), "stopped"));
}

export function fail(ctx: ProjectContext, input: FailCaptureSessionInput) {
  return ctx.db.transaction(async (tx) => changeStatus(tx, ctx, await lockSessionOrThrow(tx, ctx, input.id), "failed", input.reason));
}

/** Deletes a finished session, or archives it when it holds telemetry so its readings stay attached. */
export async function remove(ctx: ProjectContext, input: CaptureSessionIdInput): Promise<{ id: string; removal: SessionRemoval }> {
  return ctx.db.transaction(async (tx) => {
    const session = await lockSessionOrThrow(tx, ctx, input.id);
    const removal = decideSessionRemoval(session.status, await q.sessionHasTelemetry(tx, session.id), session.ordinalNumber);
    if (removal === "archive") {
      await changeStatus(tx, ctx, session, "archived");
    } else {
      await q.deleteCaptureSession(tx, session.id);
      await recordAudit(tx, ctx, { action: "capture_session.deleted", entityType: "capture_session", entityId: session.id, before: toSessionView(session) });
    }
    return { id: session.id, removal };
  });
}

export async function list(ctx: ProjectContext, input: ListCaptureSessionsInput) {
  const found = await findRunInProject(ctx.db, { projectId: ctx.project.id, runId: input.runId });
  if (!found) throw new DomainError("NOT_FOUND", "Run not found.");
  const now = new Date();
  return (await q.listSessionsOfRun(ctx.db, found.run.id)).map((s) => toSessionView(s, now));
}
