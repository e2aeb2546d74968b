import { z } from "zod";
import { EXPERIMENT_STATUSES } from "../domain/experiment/status";
import {
  cursorSchema, dateRangeSchema, idempotencyKeySchema, idSchema, limitSchema, metadataSchema, projectScopedInput,
  sortDirectionSchema, tagsSchema,
} from "./common";

export const experimentStatusSchema = z.enum(EXPERIMENT_STATUSES);

const experimentFields = {
  name: z.string().trim().min(1, { message: "Enter a name" }).max(200, { message: "Use at most 200 characters" }),
  description: z.string().trim().max(5000, { message: "Use at most 5000 characters" }),
  type: z.string().trim().min(1, { message: "Enter a type" }).max(60, { message: "Use at most 60 characters" }),
  tags: tagsSchema,
  metadata: metadataSchema,
};

export const createExperimentInput = projectScopedInput.extend({
  name: experimentFields.name,
  description: experimentFields.description.default(""),
  type: experimentFields.type.default("general"),
  tags: experimentFields.tags.default([]),
  metadata: experimentFields.metadata.default({}),
  idempotencyKey: idempotencyKeySchema,
});
export type CreateExperimentInput = z.infer<typeof createExperimentInput>;

// From the plain fields, so that a field left out of an update is left alone rather than reset to its default.
export const updateExperimentInput = z.object(experimentFields).partial().extend({ projectId: idSchema, id: idSchema });
export type UpdateExperimentInput = z.infer<typeof updateExperimentInput>;

export const experimentIdInput = projectScopedInput.extend({ id: idSchema });
export type ExperimentIdInput = z.infer<typeof experimentIdInput>;

export const transitionExperimentInput = experimentIdInput.extend({ to: experimentStatusSchema });
export type TransitionExperimentInput = z.infer<typeof transitionExperimentInput>;

export const EXPERIMENT_SORT_FIELDS = ["createdAt", "updatedAt", "name"] as const;

export const experimentListFilter = z.object({
  status: z.array(experimentStatusSchema).max(4).optional(),
  type: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  tagsAny: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  tagsAll: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  created: dateRangeSchema.optional(),
  updated: dateRangeSchema.optional(),
  /** Matches name and description, case-insensitively, anywhere in the text. */
  search: z.string().trim().max(200).optional(),
});
export type ExperimentListFilter = z.infer<typeof experimentListFilter>;

export const listExperimentsInput = projectScopedInput.extend({
  filter: experimentListFilter.default({}),
  sort: z.object({ field: z.enum(EXPERIMENT_SORT_FIELDS), direction: sortDirectionSchema }).default({ field: "createdAt", direction: "desc" }),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type ListExperimentsInput = z.infer<typeof listExperimentsInput>;
