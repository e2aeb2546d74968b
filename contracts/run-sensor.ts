// Inputs for the sensors a run records: chosen on the run page from the sensors of the run's project.
import { z } from "zod";
import { idSchema, projectScopedInput } from "./common";

export const MAX_RUN_SENSORS = 100;

export const listRunSensorsInput = projectScopedInput.extend({ runId: idSchema });
export type ListRunSensorsInput = z.infer<typeof listRunSensorsInput>;

/** The whole set: sensors not listed stop being the run's sensors. */
export const setRunSensorsInput = listRunSensorsInput.extend({
  sensorIds: z
    .array(idSchema)
    .max(MAX_RUN_SENSORS, { message: `Choose at most ${MAX_RUN_SENSORS} sensors` })
    .refine((ids) => new Set(ids).size === ids.length, { message: "Each sensor can be chosen only once" }),
});
export type SetRunSensorsInput = z.infer<typeof setRunSensorsInput>;
