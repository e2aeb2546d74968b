import { defineStateMachine } from "../state-machine";

export const EXPERIMENT_STATUSES = ["draft", "active", "completed", "archived"] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

// A draft that never started can be archived directly; everything else moves forward one step at a time.
export const experimentStatus = defineStateMachine<ExperimentStatus>("experiment", EXPERIMENT_STATUSES, {
  draft: ["active", "archived"],
  active: ["completed"],
  completed: ["archived"],
  archived: [],
});
