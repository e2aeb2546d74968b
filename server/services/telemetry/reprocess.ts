// Reprocess: queues a background job (server/jobs/reprocess.ts does the work) that recomputes one sensor's physical
// values in a run or capture session with another of its profile versions. Raw values never change. Queueing is one
// transaction: target → profile → no overlapping job (under a per-sensor advisory lock) → insert → audit.
import type { JobIdInput, ListJobsInput, ReprocessInput, ReprocessPayload } from "../../../contracts/job";
import * as q from "../../../db/queries/jobs";
import { findProfile, findSensorInProject } from "../../../db/queries/sensors";
import { DomainError } from "../../../domain/errors";
import { recordAudit } from "../../audit";
import { withIdempotency } from "../../idempotency";
import type { ProjectContext } from "../context";
import { sensorNotFound } from "../sensor/shared";

export function toJobView(job: q.JobRow) {
  const payload = job.payload as Partial<ReprocessPayload>;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    total: job.total,
    error: job.error,
    attempts: job.attempts,
    sensorId: payload.sensorId ?? null,
    runId: payload.runId ?? null,
    captureSessionId: payload.captureSessionId ?? null,
    profileVersion: payload.profileVersion ?? null,
    /** Readings left with their old value because the chosen version cannot convert their raw value. */
    skipped: payload.skipped ?? 0,
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
  };
}
export type JobView = ReturnType<typeof toJobView>;

export async function queue(ctx: ProjectContext, input: ReprocessInput): Promise<JobView> {
  const request = { db: ctx.db, userId: ctx.user.id, scope: "job.reprocess", key: input.idempotencyKey, input };
  return withIdempotency(request, (db) =>
    db.transaction(async (tx) => {
      const sensor = await findSensorInProject(tx, { projectId: ctx.project.id, id: input.sensorId });
      if (!sensor) throw sensorNotFound();
      const target = await q.findRunTargetInProject(tx, { projectId: ctx.project.id, runId: input.runId, captureSessionId: input.captureSessionId });
      if (!target) throw new DomainError("NOT_FOUND", input.captureSessionId ? "Capture session not found." : "Run not found.");
      if (target.runStatus === "archived") {
        throw new DomainError("CONFLICT", "This run is archived; its telemetry can no longer change.", { reason: "run_archived" });
      }
      if (!(await findProfile(tx, { sensorId: sensor.id, version: input.profileVersion }))) {
        const message = `This sensor has no conversion profile version ${input.profileVersion}.`;
        throw new DomainError("NOT_FOUND", message, { fieldErrors: { profileVersion: [message] } });
      }
      // Serialises queueing per sensor, so two requests cannot both see "nothing running" and both insert.
      await q.lockReprocessQueue(tx, sensor.id);
      const active = await q.findActiveReprocess(tx, { sensorId: sensor.id, runId: target.runId });
      if (active) {
        throw new DomainError("CONFLICT", "A reprocess of this sensor in this run is already queued or running. Wait for it to finish.", {
          reason: "reprocess_in_progress",
          jobId: active.id,
        });
      }
      const payload: ReprocessPayload = {
        sensorId: sensor.id,
        runId: target.runId,
        captureSessionId: target.captureSessionId,
        profileVersion: input.profileVersion,
        cursor: null,
        skipped: 0,
      };
      const job = await q.insertJob(tx, { projectId: ctx.project.id, kind: "reprocess", payload, total: 0, createdBy: ctx.user.id });
      await recordAudit(tx, ctx, { action: "telemetry.reprocess_queued", entityType: "job", entityId: job.id, after: toJobView(job) });
      return toJobView(job);
    }),
  );
}

export async function byId(ctx: ProjectContext, input: JobIdInput): Promise<JobView> {
  const job = await q.findJobInProject(ctx.db, { projectId: ctx.project.id, id: input.id });
  if (!job) throw new DomainError("NOT_FOUND", "Job not found.");
  return toJobView(job);
}

export async function list(ctx: ProjectContext, input: ListJobsInput): Promise<JobView[]> {
  const rows = await q.listJobs(ctx.db, { projectId: ctx.project.id, runId: input.runId, limit: input.limit });
  return rows.map(toJobView);
}
