// Inputs of the historical telemetry reads: downsampled series of a run or capture session, session overlays, CSV export.
import { z } from "zod";
import { idSchema, projectScopedInput } from "./common";

export const DEFAULT_SERIES_BUCKETS = 2000;
export const MAX_SERIES_BUCKETS = 5000;

const bucketsSchema = z.number().int().min(10).max(MAX_SERIES_BUCKETS).default(DEFAULT_SERIES_BUCKETS);

/** Exactly one of runId / captureSessionId; from/to zoom into the window (both optional). */
export const telemetrySeriesInput = projectScopedInput
  .extend({
    runId: idSchema.optional(),
    captureSessionId: idSchema.optional(),
    sensorIds: z.array(idSchema).max(100).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    buckets: bucketsSchema,
  })
  .refine((i) => Boolean(i.runId) !== Boolean(i.captureSessionId), { message: "Give either runId or captureSessionId", path: ["runId"] })
  .refine((i) => !i.from || !i.to || i.from < i.to, { message: "'from' must be before 'to'", path: ["to"] });
export type TelemetrySeriesInput = z.infer<typeof telemetrySeriesInput>;

/** Sessions aligned at their start; the optional offsets (ms from each session's start) zoom all of them at once. */
export const telemetryOverlayInput = projectScopedInput
  .extend({
    captureSessionIds: z.array(idSchema).min(2, { message: "Pick at least 2 sessions" }).max(10, { message: "Pick at most 10 sessions" }),
    sensorIds: z.array(idSchema).max(100).optional(),
    fromOffsetMs: z.number().int().min(0).optional(),
    toOffsetMs: z.number().int().min(1).optional(),
    buckets: bucketsSchema,
  })
  .refine((i) => new Set(i.captureSessionIds).size === i.captureSessionIds.length, { message: "Sessions must be distinct", path: ["captureSessionIds"] })
  .refine((i) => i.fromOffsetMs === undefined || i.toOffsetMs === undefined || i.fromOffsetMs < i.toOffsetMs, {
    message: "'fromOffsetMs' must be before 'toOffsetMs'",
    path: ["toOffsetMs"],
  });
export type TelemetryOverlayInput = z.infer<typeof telemetryOverlayInput>;

/** GET /api/v1/export/telemetry query string (snake_case like the other public telemetry routes). */
export const telemetryExportQuery = z
  .object({ project_id: idSchema, run_id: idSchema.optional(), capture_session_id: idSchema.optional() })
  .refine((q) => Boolean(q.run_id) !== Boolean(q.capture_session_id), { message: "Give either run_id or capture_session_id", path: ["run_id"] });
export type TelemetryExportQuery = z.infer<typeof telemetryExportQuery>;
