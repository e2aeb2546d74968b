import { z } from "zod";

export const idSchema = z.uuid({ message: "Must be a valid id" });
export const projectScopedInput = z.object({ projectId: idSchema });
export type ProjectScopedInput = z.infer<typeof projectScopedInput>;

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, { message: "Use 8–128 letters, digits, '.', '_', ':' or '-'" })
  .optional();

export const tagSchema = z
  .string()
  .trim()
  .min(1, { message: "Tags cannot be empty" })
  .max(50, { message: "Use at most 50 characters per tag" });

/** Tags are trimmed and de-duplicated, in the order given. */
export const tagsSchema = z
  .array(tagSchema)
  .max(50, { message: "Use at most 50 tags" })
  .transform((tags) => [...new Set(tags)]);

export const metadataSchema = z.record(z.string().max(200), z.unknown(), {
  error: "Metadata must be a JSON object, like {\"operator\": \"Ada\"}",
});

export const sortDirectionSchema = z.enum(["asc", "desc"]);

export const cursorSchema = z.string().max(500).optional();
export const limitSchema = z.number().int().min(1).max(200).default(50);

/** Date ranges are inclusive of `from` and exclusive of `to`. */
export const dateRangeSchema = z
  .object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((r) => !r.from || !r.to || r.from < r.to, { message: "'from' must be before 'to'", path: ["to"] });
