import { defineStateMachine } from "../state-machine";

export const RUN_STATUSES = ["draft", "running", "succeeded", "failed", "archived"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const FINAL_RUN_STATUSES: readonly RunStatus[] = ["succeeded", "failed", "archived"];

export const runStatus = defineStateMachine<RunStatus>("run", RUN_STATUSES, {
  draft: ["running", "archived"],
  running: ["succeeded", "failed"],
  succeeded: ["archived"],
  failed: ["archived"],
  archived: [],
});
