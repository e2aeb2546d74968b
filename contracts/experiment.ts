import { z } from "zod";
import { projectScopedInput } from "./common";

export const listExperimentsInput = projectScopedInput.extend({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListExperimentsInput = z.infer<typeof listExperimentsInput>;
