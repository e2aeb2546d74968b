// Run status changes: one function, transitionRun, holds the rule set (row lock → status table → running-session
// invariant → timestamps → audit) for start / complete / fail / archive and for every item of batchStatus.
import type { BatchStatusInput, FailRunInput, RunIdInput } from "../../../contracts/run";
import type { Tx } from "../../../db/client";
import { findRunningSession } from "../../../db/queries/capture-sessions";
import { lockRunInProject, lockRunsInProject, updateRunStatus, type RunRow } from "../../../db/queries/runs";
import { notifyStatus } from "../../../db/queries/telemetry-notify";
import { DomainError, type DomainErrorCode } from "../../../domain/errors";
import { assertCanFinalize, assertFailureReason, timestampsFor } from "../../../domain/run/rules";
import { runStatus, type RunStatus } from "../../../domain/run/status";
import { recordAudit } from "../../audit";
import { withIdempotency } from "../../idempotency";
import type { ProjectContext } from "../context";
import { toRunState, uniqueIds } from "./view";

/**
 * Changes one run's status inside the caller's transaction. Every check comes before the first write, so a refused
 * run leaves nothing behind and the transaction stays usable for the next run of a batch (no savepoint needed).
 */
export async function transitionRun(tx: Tx, ctx: ProjectContext, runId: string, to: RunStatus, reason?: string): Promise<RunRow> {
  assertFailureReason(to, reason);
  const why = reason?.trim() || null;
  const run = await lockRunInProject(tx, { projectId: ctx.project.id, runId });
  if (!run) throw new DomainError("NOT_FOUND", "Run not found.");
  runStatus.assertTransition(run.status, to);
  // Read after the lock: a session started a moment ago by another request is visible now.
  const running = await findRunningSession(tx, run.id);
  assertCanFinalize(to, running?.ordinalNumber ?? null);
  const updated = await updateRunStatus(tx, run.id, {
    status: to,
    ...timestampsFor(to, new Date()),
    ...(to === "failed" ? { failureReason: why } : {}),
  });
  await recordAudit(tx, ctx, {
    action: "run.status_changed",
    entityType: "run",
    entityId: run.id,
    before: { status: run.status, reason: run.failureReason },
    after: { status: to, reason: why },
  });
  await notifyStatus(tx, { kind: "run", id: run.id, runId: run.id, projectId: ctx.project.id, status: to });
  return updated;
}

export async function start(ctx: ProjectContext, input: RunIdInput) {
  return toRunState(await ctx.db.transaction((tx) => transitionRun(tx, ctx, input.id, "running")));
}

export async function complete(ctx: ProjectContext, input: RunIdInput) {
  return toRunState(await ctx.db.transaction((tx) => transitionRun(tx, ctx, input.id, "succeeded")));
}

export async function fail(ctx: ProjectContext, input: FailRunInput) {
  return toRunState(await ctx.db.transaction((tx) => transitionRun(tx, ctx, input.id, "failed", input.reason)));
}

export async function archive(ctx: ProjectContext, input: RunIdInput) {
  return toRunState(await ctx.db.transaction((tx) => transitionRun(tx, ctx, input.id, "archived")));
}

const ITEM_ERROR_CODES = ["NOT_FOUND", "INVALID_TRANSITION", "CONFLICT", "BAD_INPUT"] as const;
type ItemErrorCode = (typeof ITEM_ERROR_CODES)[number];
const isItemErrorCode = (code: DomainErrorCode): code is ItemErrorCode => (ITEM_ERROR_CODES as readonly string[]).includes(code);

export type BatchStatusResult =
  | { id: string; ok: true; status: RunStatus }
  | { id: string; ok: false; code: ItemErrorCode; message: string };

/**
 * Moves each run on its own: a run that cannot move is reported and the others still move. A missing reason for
 * `failed` is wrong for every item alike, so it fails the whole call (400) before anything is written.
 * Duplicate ids are answered once, at their first position.
 */
export async function batchStatus(ctx: ProjectContext, input: BatchStatusInput): Promise<{ results: BatchStatusResult[] }> {
  assertFailureReason(input.to, input.reason);
  const request = { db: ctx.db, userId: ctx.user.id, scope: "run.batchStatus", key: input.idempotencyKey, input };
  return withIdempotency(request, (db) =>
    db.transaction(async (tx) => {
      const ids = uniqueIds(input.ids);
      const found = new Set(await lockRunsInProject(tx, { projectId: ctx.project.id, runIds: ids }));
      const results: BatchStatusResult[] = [];
      for (const id of ids) {
        if (!found.has(id)) {
          results.push({ id, ok: false, code: "NOT_FOUND", message: "Run not found." });
          continue;
        }
        try {
          const run = await transitionRun(tx, ctx, id, input.to, input.reason);
          results.push({ id, ok: true, status: run.status });
        } catch (error) {
          if (!(error instanceof DomainError) || !isItemErrorCode(error.code)) throw error;
          results.push({ id, ok: false, code: error.code, message: error.message });
        }
      }
      return { results };
    }),
  );
}
