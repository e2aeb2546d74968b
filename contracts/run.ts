import { z } from "zod";
import { RUN_STATUSES } from "../domain/run/status";
import { cursorSchema, idempotencyKeySchema, idSchema, limitSchema, metadataSchema, projectScopedInput, refusingProtoKey, sortDirectionSchema, tagsSchema } from "./common";
import { runFilterSchema } from "./run-filter";

export const runStatusSchema = z.enum(RUN_STATUSES);

export const paramValueSchema = z.union([
  z.string().max(1000, { message: "Use at most 1000 characters" }),
  z.number().refine(Number.isFinite, { message: "Use a finite number" }),
  z.boolean(),
]);
export const paramsSchema = refusingProtoKey(
  z
    .record(z.string().trim().min(1, { message: "Param names cannot be empty" }).max(100), paramValueSchema, {
      error: (issue) => (issue.code === "invalid_type" ? "Params must be a flat object of string, number or boolean values" : undefined),
    })
    .refine((p) => Object.keys(p).length <= 200, { message: "Use at most 200 params" }),
);
export type RunParams = z.infer<typeof paramsSchema>;

export const MAX_BATCH = 500;
const batchIds = z
  .array(idSchema)
  .min(1, { message: "Select at least one run" })
  .max(MAX_BATCH, { message: `Select at most ${MAX_BATCH} runs per call` });

export const createRunInput = projectScopedInput.extend({
  experimentId: idSchema,
  name: z.string().trim().min(1, { message: "Enter a name" }).max(200, { message: "Use at most 200 characters" }),
  params: paramsSchema.default({}),
  metadata: metadataSchema.default({}),
  tags: tagsSchema.default([]),
  idempotencyKey: idempotencyKeySchema,
});
export type CreateRunInput = z.infer<typeof createRunInput>;

export const runIdInput = projectScopedInput.extend({ id: idSchema });
export type RunIdInput = z.infer<typeof runIdInput>;

export const failRunInput = runIdInput.extend({
  reason: z.string().trim().min(1, { message: "Say why the run failed" }).max(2000),
});
export type FailRunInput = z.infer<typeof failRunInput>;

export const batchStatusInput = projectScopedInput.extend({
  ids: batchIds,
  to: runStatusSchema,
  reason: z.string().trim().max(2000).optional(),
  idempotencyKey: idempotencyKeySchema,
});
export type BatchStatusInput = z.infer<typeof batchStatusInput>;

export const bulkTagsInput = projectScopedInput
  .extend({
    ids: batchIds,
    add: tagsSchema.default([]),
    remove: tagsSchema.default([]),
    idempotencyKey: idempotencyKeySchema,
  })
  .refine((v) => v.add.length + v.remove.length > 0, { message: "Add or remove at least one tag", path: ["add"] });
export type BulkTagsInput = z.infer<typeof bulkTagsInput>;

export const RUN_SORT_FIELDS = ["createdAt", "name", "status", "startedAt"] as const;

export const listRunsInput = projectScopedInput.extend({
  experimentId: idSchema.optional(),
  filter: runFilterSchema.optional(),
  sort: z.object({ field: z.enum(RUN_SORT_FIELDS), direction: sortDirectionSchema }).default({ field: "createdAt", direction: "desc" }),
  cursor: cursorSchema,
  limit: limitSchema,
});
export type ListRunsInput = z.infer<typeof listRunsInput>;

export const compareRunsInput = projectScopedInput.extend({
  ids: z.array(idSchema).min(2, { message: "Pick at least 2 runs" }).max(10, { message: "Pick at most 10 runs" }),
});
export type CompareRunsInput = z.infer<typeof compareRunsInput>;
