// Background job inputs: queueing a telemetry reprocess, and reading jobs back for their progress.
import { z } from "zod";
import { idempotencyKeySchema, idSchema, projectScopedInput } from "./common";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One sensor's readings in a run, or in one capture session of it, recomputed with another profile version. */
export const reprocessInput = projectScopedInput
  .extend({
    runId: idSchema.optional(),
    captureSessionId: idSchema.optional(),
    sensorId: idSchema,
    profileVersion: z.number({ message: "Choose a profile version" }).int().min(1, { message: "Choose a profile version" }),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((i) => Boolean(i.runId) !== Boolean(i.captureSessionId), {
    message: "Choose either a run or one capture session",
    path: ["runId"],
  });
export type ReprocessInput = z.infer<typeof reprocessInput>;

export const jobIdInput = projectScopedInput.extend({ id: idSchema });
export type JobIdInput = z.infer<typeof jobIdInput>;

export const listJobsInput = projectScopedInput.extend({
  runId: idSchema.optional(),
  limit: z.number().int().min(1).max(100).default(20),
});
export type ListJobsInput = z.infer<typeof listJobsInput>;

/** What a reprocess job carries; `cursor` (the last processed reading time) lets a reclaimed job resume. */
export const reprocessPayload = z.object({
  sensorId: idSchema,
  runId: idSchema,
  captureSessionId: idSchema.nullable(),
  profileVersion: z.number().int().min(1),
  cursor: z.string().nullable().default(null),
  skipped: z.number().int().min(0).default(0),
});
export type ReprocessPayload = z.infer<typeof reprocessPayload>;
