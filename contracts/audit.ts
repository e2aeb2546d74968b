import { z } from "zod";
import { idSchema, projectScopedInput } from "./common";

const BIGINT_MAX = 9_223_372_036_854_775_807n;

export const listAuditInput = projectScopedInput.extend({
  entityType: z.string().trim().max(60).optional(),
  actorId: idSchema.optional(),
  action: z.string().trim().max(80).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, { message: "Invalid cursor" })
    // zod runs refinements even after the regex failed, so the refinement must not assume digits.
    .refine((c) => !/^\d{1,19}$/.test(c) || BigInt(c) <= BIGINT_MAX, { message: "Invalid cursor" })
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { message: "'from' must be before 'to'", path: ["to"] });
export type ListAuditInput = z.infer<typeof listAuditInput>;
