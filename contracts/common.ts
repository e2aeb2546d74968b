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

export const MAX_TAGS = 50;

/** Tags are trimmed and de-duplicated, in the order given. */
export const tagsSchema = z
  .array(tagSchema)
  .max(MAX_TAGS, { message: `Use at most ${MAX_TAGS} tags` })
  .transform((tags) => [...new Set(tags)]);

const RESERVED_KEY = "__proto__";

/** The dotted path of the first own "__proto__" key at any depth, or null. Iterative, so deep nesting cannot overflow. */
export function reservedKeyPath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, RESERVED_KEY)) return path ? `${path}.${RESERVED_KEY}` : RESERVED_KEY;
    for (const [key, child] of Object.entries(node)) stack.push([child, path ? `${path}.${key}` : key]);
  }
  return null;
}

/**
 * Refuses a "__proto__" key anywhere in the value before `record` parses it. zod skips such a key without a word and
 * superjson cannot send one back (copying it would set a prototype), so it would be lost or break reads later.
 */
export function refusingProtoKey<O, I extends Record<string, unknown>>(record: z.ZodType<O, I>) {
  return z
    .custom<I>()
    .superRefine((value, ctx) => {
      const path = reservedKeyPath(value);
      if (path) ctx.addIssue({ code: "custom", message: `"${RESERVED_KEY}" cannot be used as a key (at ${path}); rename it` });
    })
    .pipe(record);
}

export const metadataSchema = refusingProtoKey(
  z.record(z.string().max(200), z.unknown(), {
    // Only the "not an object" case gets the friendly sentence; problems inside the object keep their own message.
    error: (issue) => (issue.code === "invalid_type" ? "Metadata must be a JSON object, like {\"operator\": \"Ada\"}" : undefined),
  }),
);

export const sortDirectionSchema = z.enum(["asc", "desc"]);

export const cursorSchema = z.string().max(2048).optional();
export const limitSchema = z.number().int().min(1).max(200).default(50);

/** Date ranges are inclusive of `from` and exclusive of `to`. */
export const dateRangeSchema = z
  .object({ from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((r) => !r.from || !r.to || r.from < r.to, { message: "'from' must be before 'to'", path: ["to"] });

// Form helpers: a text field in, the contract's value out, so a form and the server share the same rules. Every issue
// is reported on the field itself (not on one tag or key inside it), where the form shows it.

/** Re-reports the issues of `schema` on the field, prefixed with the element (tag, key) they concern. */
function parseOnField<T>(schema: z.ZodType<T>, value: unknown, ctx: z.RefinementCtx, prefix: (element: unknown) => string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const element = issue.path[0] !== undefined ? prefix(issue.path[0]) : "";
    // A bad record key carries the key schema's own complaint inside; the record's message would only confuse.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    ctx.addIssue({ code: "custom", message: `${element}${message}` });
  }
  return z.NEVER;
}

/** A JSON textarea: "" → `{}`; otherwise it must parse and be a plain object that passes `metadataSchema`. */
export const jsonObjectText = z.string().transform((text, ctx): Record<string, unknown> => {
  const trimmed = text.trim();
  if (trimmed === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return z.NEVER;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: "custom", message: 'Metadata must be a JSON object, like {"operator": "Ada"}' });
    return z.NEVER;
  }
  return parseOnField(metadataSchema, value, ctx, (key) => `Key “${String(key).slice(0, 40)}”: `);
});

/** A comma-separated tag field: trimmed, empty pieces dropped, duplicates removed, then `tagsSchema`. */
export const tagListText = z.string().transform((text, ctx): string[] => {
  const tags = [...new Set(text.split(",").map((tag) => tag.trim()).filter((tag) => tag !== ""))];
  return parseOnField(tagsSchema, tags, ctx, (index) => (typeof index === "number" ? `“${tags[index]}”: ` : ""));
});
