// From the builder's state to a valid RunFilter, or the error messages of each offending node (by draft id).
// The contract (runFilterSchema) has the final word; a few checks run first where its message would be unhelpful.
import { runFilterSchema } from "../../../contracts/run-filter";
import type { RunFilter } from "../../../domain/run/filter";
import { fromLocalInput, valueTypesFor, type DraftCondition, type DraftNode, type DraftRoot } from "./draft";

/** Messages by draft node id; "" holds the ones about the filter as a whole. */
export type DraftErrors = Record<string, string[]>;
export type ApplyResult = { ok: true; filter: RunFilter | undefined } | { ok: false; errors: DraftErrors };

const splitTags = (text: string) => [...new Set(text.split(",").map((t) => t.trim()).filter((t) => t !== ""))];

function paramValue(c: Extract<DraftCondition, { kind: "param" }>, problems: string[]): unknown {
  const types = valueTypesFor(c.op);
  const type = types.includes(c.type) ? c.type : types[0];
  if (type === "boolean") return c.value === "true";
  if (type === "string") return c.value;
  const number = c.value.trim() === "" ? Number.NaN : Number(c.value);
  if (!Number.isFinite(number)) problems.push("Enter a number");
  return number;
}

function conditionInput(c: DraftCondition, problems: string[]): unknown {
  switch (c.kind) {
    case "status":
      return { status: c.statuses };
    case "tags": {
      const values = splitTags(c.values);
      if (values.length === 0) problems.push("Enter at least one tag");
      return { tags: { mode: c.mode, values } };
    }
    case "param":
      return { param: { key: c.key, op: c.op, value: paramValue(c, problems) } };
    case "metadata":
      return { metadata: { key: c.key, exists: c.exists } };
    case "date": {
      const [from, to] = [fromLocalInput(c.from), fromLocalInput(c.to)];
      if (from === null || to === null) problems.push("Enter a full date and time");
      return { date: { field: c.field, ...(from ? { from } : {}), ...(to ? { to } : {}) } };
    }
    case "raw":
      return c.node;
  }
}

function nodeInput(node: DraftNode, errors: DraftErrors): unknown {
  const problems: string[] = [];
  let input: unknown;
  if (node.kind === "group") {
    if (node.children.length === 0) problems.push("Add a condition to this group or remove it");
    input = { [node.mode]: node.children.map((child) => nodeInput(child, errors)) };
  } else {
    input = conditionInput(node, problems);
  }
  if (problems.length > 0) errors[node.id] = problems;
  return input;
}

/** The draft node a zod issue path (`and.1.or.0.param.value`) points into; "" when it names none. */
export function nodeIdAt(root: DraftRoot, path: readonly PropertyKey[]): string {
  const [mode, index, innerMode, innerIndex] = path;
  if (mode !== root.mode || typeof index !== "number") return "";
  const node = root.children[index];
  if (!node) return "";
  if (node.kind === "group" && innerMode === node.mode && typeof innerIndex === "number") return node.children[innerIndex]?.id ?? node.id;
  return node.id;
}

/** No conditions at all means no filter. */
export function applyDraft(root: DraftRoot): ApplyResult {
  if (root.children.length === 0) return { ok: true, filter: undefined };
  const errors: DraftErrors = {};
  const input = { [root.mode]: root.children.map((child) => nodeInput(child, errors)) };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const result = runFilterSchema.safeParse(input);
  if (result.success) return { ok: true, filter: result.data };
  for (const issue of result.error.issues) (errors[nodeIdAt(root, issue.path)] ??= []).push(issue.message);
  return { ok: false, errors };
}
