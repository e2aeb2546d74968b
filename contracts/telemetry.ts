// The public ingest body of POST /api/v1/telemetry (sensor firmware is written against it) and the sensor page's
// telemetry inputs. Readings are checked one by one in domain/telemetry/readings.ts: a bad reading is a receipt entry,
// not a 400, so the schema here only insists that `readings` is an array of the allowed length.
import { z } from "zod";
import { parseTimestamp } from "../domain/telemetry/timestamps";
import { idSchema, projectScopedInput } from "./common";

export const MAX_READINGS_PER_BATCH = 10_000;

const timestampInput = z
  .union([z.string(), z.number()])
  .refine((v) => parseTimestamp(v) !== null, { message: "Use ISO-8601 with a zone (e.g. 2026-01-31T12:00:00Z) or epoch milliseconds" });

export const ingestBody = z.object({
  run_id: idSchema.nullish(),
  capture_session_id: idSchema.nullish(),
  sent_at: timestampInput.nullish(),
  readings: z
    .array(z.unknown(), { message: "readings must be an array" })
    .min(1, { message: "Send at least one reading" })
    .max(MAX_READINGS_PER_BATCH, { message: `Send at most ${MAX_READINGS_PER_BATCH} readings per request` }),
});
export type IngestBody = z.infer<typeof ingestBody>;

export const sensorTelemetryStatsInput = projectScopedInput.extend({ id: idSchema });
export type SensorTelemetryStatsInput = z.infer<typeof sensorTelemetryStatsInput>;

export const setClockCorrectionInput = projectScopedInput.extend({ id: idSchema, enabled: z.boolean() });
export type SetClockCorrectionInput = z.infer<typeof setClockCorrectionInput>;

/**
 * Readings stored against the sensor alone (no run/session was recording) attached to a run or one of its sessions
 * afterwards. The window defaults to the target's own span (start … end, or now while it runs).
 */
export const attachReadingsInput = projectScopedInput
  .extend({
    sensorId: idSchema,
    runId: idSchema.optional(),
    captureSessionId: idSchema.optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .refine((i) => Boolean(i.runId) !== Boolean(i.captureSessionId), { message: "Give either runId or captureSessionId", path: ["runId"] })
  .refine((i) => !i.from || !i.to || i.from < i.to, { message: "'from' must be before 'to'", path: ["to"] });
export type AttachReadingsInput = z.infer<typeof attachReadingsInput>;

export const unattachedReadingsInput = projectScopedInput.extend({ sensorId: idSchema });
export type UnattachedReadingsInput = z.infer<typeof unattachedReadingsInput>;
