import { defineStateMachine } from "../state-machine";

export const CAPTURE_SESSION_STATUSES = ["running", "stopped", "failed", "archived"] as const;
export type CaptureSessionStatus = (typeof CAPTURE_SESSION_STATUSES)[number];

export const captureSessionStatus = defineStateMachine<CaptureSessionStatus>("capture session", CAPTURE_SESSION_STATUSES, {
  running: ["stopped", "failed"],
  stopped: ["archived"],
  failed: ["archived"],
  archived: [],
});
