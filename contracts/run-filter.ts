// The zod contract of the run filter tree (domain/run/filter.ts). Errors carry the path of the bad node.
// Each node is parsed by the one branch its key names (not a plain z.union, whose errors lose the path inside the tree).
import { z } from "zod";
import { FILTER_LIMITS, PARAM_OPERATORS, RUN_DATE_FIELDS, TAG_MODES, type RunFilter } from "../domain/run/filter";
import { RUN_STATUSES } from "../domain/run/status";

const NODE_KINDS = ["and", "or", "not", "status", "tags", "param", "metadata", "date"] as const;
type NodeKind = (typeof NODE_KINDS)[number];

// PostgreSQL text cannot hold NUL and UTF-8 cannot hold a lone surrogate: reject them here rather than fail in SQL.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);
const text = (max: number) => z.string().max(max).refine(storable, { message: "Remove the NUL or broken Unicode characters" });

const key = text(100).trim().min(1, { message: "Name a key" });
// The range PostgreSQL timestamps and ISO strings share, so a date can always be bound as a parameter.
const date = z.coerce
  .date()
  .min(new Date("0001-01-01T00:00:00.000Z"), { message: "Pick a date after year 1" })
  .max(new Date("9999-12-31T23:59:59.999Z"), { message: "Pick a date before year 10000" });

const paramNode = z
  .strictObject({ key, op: z.enum(PARAM_OPERATORS), value: z.union([text(1000), z.number().refine(Number.isFinite), z.boolean()]) })
  .refine((p) => !["<", "<=", ">", ">="].includes(p.op) || typeof p.value === "number", {
    message: "Compare with <, <=, > or >= only against a number",
    path: ["value"],
  })
  .refine((p) => p.op !== "contains" || typeof p.value === "string", { message: "'contains' needs a text value", path: ["value"] });

const dateNode = z
  .strictObject({ field: z.enum(RUN_DATE_FIELDS), from: date.optional(), to: date.optional() })
  .refine((d) => d.from !== undefined || d.to !== undefined, { message: "Give 'from', 'to' or both" })
  .refine((d) => !d.from || !d.to || d.from < d.to, { message: "'from' must be before 'to'", path: ["to"] });

const group = () => z.array(z.lazy(() => runFilterNode)).max(FILTER_LIMITS.maxNodes);

const branches = {
  and: z.strictObject({ and: group() }),
  or: z.strictObject({ or: group() }),
  not: z.strictObject({ not: z.lazy(() => runFilterNode) }),
  status: z.strictObject({ status: z.array(z.enum(RUN_STATUSES)).min(1, { message: "Pick at least one status" }).max(RUN_STATUSES.length * 2) }),
  tags: z.strictObject({ tags: z.strictObject({ mode: z.enum(TAG_MODES), values: z.array(text(50).min(1)).min(1).max(50) }) }),
  param: z.strictObject({ param: paramNode }),
  metadata: z.strictObject({ metadata: z.strictObject({ key, exists: z.boolean() }) }),
  date: z.strictObject({ date: dateNode }),
} satisfies Record<NodeKind, z.ZodType<RunFilter>>;

function kindsOf(input: object): NodeKind[] {
  return NODE_KINDS.filter((kind) => Object.hasOwn(input, kind));
}

export const runFilterNode: z.ZodType<RunFilter> = z.lazy(() =>
  z.unknown().transform((input, ctx): RunFilter => {
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: "custom", message: "Expected a condition object" });
      return z.NEVER;
    }
    const kinds = kindsOf(input);
    const kind = kinds[0];
    if (kind === undefined || kinds.length > 1) {
      const found = kinds.length > 1 ? kinds.join(", ") : Object.keys(input).join(", ") || "nothing";
      ctx.addIssue({ code: "custom", message: `A condition has exactly one of ${NODE_KINDS.join(", ")}; found ${found}` });
      return z.NEVER;
    }
    const result = branches[kind].safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  }),
);

/** Counts nodes and depth on the raw input, stopping at the limits, so a huge or deep tree is refused before it is parsed. */
function checkSize(input: unknown, ctx: z.RefinementCtx) {
  let nodes = 0;
  let deepPath: (string | number)[] | undefined;
  const visit = (node: unknown, depth: number, path: (string | number)[]) => {
    nodes += 1;
    if (depth > FILTER_LIMITS.maxDepth) {
      deepPath ??= path;
      return;
    }
    if (nodes > FILTER_LIMITS.maxNodes || typeof node !== "object" || node === null) return;
    for (const kind of ["and", "or"] as const) {
      const children: unknown = Reflect.get(node, kind);
      if (Array.isArray(children)) children.forEach((child, i) => visit(child, depth + 1, [...path, kind, i]));
    }
    if (Object.hasOwn(node, "not")) visit(Reflect.get(node, "not"), depth + 1, [...path, "not"]);
  };
  visit(input, 1, []);
  if (deepPath) ctx.addIssue({ code: "custom", path: deepPath, message: `Nest groups at most ${FILTER_LIMITS.maxDepth} deep` });
  if (nodes > FILTER_LIMITS.maxNodes) ctx.addIssue({ code: "custom", message: `Use at most ${FILTER_LIMITS.maxNodes} conditions` });
}

export const runFilterSchema: z.ZodType<RunFilter> = z.unknown().superRefine(checkSize).pipe(runFilterNode);
