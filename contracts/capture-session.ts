import { z } from "zod";
import { idempotencyKeySchema, idSchema, projectScopedInput } from "./common";

export const startCaptureSessionInput = projectScopedInput.extend({ runId: idSchema, idempotencyKey: idempotencyKeySchema });
export type StartCaptureSessionInput = z.infer<typeof startCaptureSessionInput>;

export const captureSessionIdInput = projectScopedInput.extend({ id: idSchema });
export type CaptureSessionIdInput = z.infer<typeof captureSessionIdInput>;

export const failCaptureSessionInput = captureSessionIdInput.extend({
  reason: z.string().trim().min(1, { message: "Say why the session failed" }).max(2000),
});
export type FailCaptureSessionInput = z.infer<typeof failCaptureSessionInput>;

export const listCaptureSessionsInput = projectScopedInput.extend({ runId: idSchema });
export type ListCaptureSessionsInput = z.infer<typeof listCaptureSessionsInput>;
