// The zod contract of the run filter tree (domain/run/filter.ts). Errors carry the path of the bad node.
import { z } from "zod";
import { FILTER_LIMITS, PARAM_OPERATORS, RUN_DATE_FIELDS, TAG_MODES, type RunFilter } from "../domain/run/filter";
import { RUN_STATUSES } from "../domain/run/status";

const key = z.string().trim().min(1, { message: "Name a key" }).max(100);

const paramNode = z
  .object({ key, op: z.enum(PARAM_OPERATORS), value: z.union([z.string().max(1000), z.number().refine(Number.isFinite), z.boolean()]) })
  .refine((p) => !["<", "<=", ">", ">="].includes(p.op) || typeof p.value === "number", {
    message: "Compare with <, <=, > or >= only against a number",
    path: ["value"],
  })
  .refine((p) => p.op !== "contains" || typeof p.value === "string", { message: "'contains' needs a text value", path: ["value"] });

const dateNode = z
  .object({ field: z.enum(RUN_DATE_FIELDS), from: z.coerce.date().optional(), to: z.coerce.date().optional() })
  .refine((d) => d.from !== undefined || d.to !== undefined, { message: "Give 'from', 'to' or both" })
  .refine((d) => !d.from || !d.to || d.from < d.to, { message: "'from' must be before 'to'", path: ["to"] });

export const runFilterNode: z.ZodType<RunFilter> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(runFilterNode).max(FILTER_LIMITS.maxNodes) }),
    z.strictObject({ or: z.array(runFilterNode).max(FILTER_LIMITS.maxNodes) }),
    z.strictObject({ not: runFilterNode }),
    z.strictObject({ status: z.array(z.enum(RUN_STATUSES)).min(1, { message: "Pick at least one status" }) }),
    z.strictObject({ tags: z.object({ mode: z.enum(TAG_MODES), values: z.array(z.string().min(1).max(50)).min(1).max(50) }) }),
    z.strictObject({ param: paramNode }),
    z.strictObject({ metadata: z.object({ key, exists: z.boolean() }) }),
    z.strictObject({ date: dateNode }),
  ]),
);

function measure(node: RunFilter, depth = 1): { depth: number; nodes: number } {
  const children = "and" in node ? node.and : "or" in node ? node.or : "not" in node ? [node.not] : [];
  return children.reduce(
    (acc, child) => {
      const m = measure(child, depth + 1);
      return { depth: Math.max(acc.depth, m.depth), nodes: acc.nodes + m.nodes };
    },
    { depth, nodes: 1 },
  );
}

export const runFilterSchema = runFilterNode.superRefine((filter, ctx) => {
  const { depth, nodes } = measure(filter);
  if (depth > FILTER_LIMITS.maxDepth) ctx.addIssue({ code: "custom", message: `Nest groups at most ${FILTER_LIMITS.maxDepth} deep` });
  if (nodes > FILTER_LIMITS.maxNodes) ctx.addIssue({ code: "custom", message: `Use at most ${FILTER_LIMITS.maxNodes} conditions` });
});
