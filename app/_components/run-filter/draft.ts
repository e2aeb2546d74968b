// The filter builder's editable state: a top-level group of conditions and groups (one level of nesting), with the
// inputs' raw text. `toDraft` reads an applied filter into it; `applyDraft` (draft-apply.ts) turns it back.
// Relative imports: this module is unit-tested.
import type { ParamOperator, RunDateField, RunFilter, TagMode } from "../../../domain/run/filter";
import type { RunStatus } from "../../../domain/run/status";

export type GroupMode = "and" | "or";
export type ValueType = "string" | "number" | "boolean";
export const CONDITION_KINDS = ["status", "tags", "param", "metadata", "date"] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

export type DraftCondition =
  | { id: string; kind: "status"; statuses: RunStatus[] }
  | { id: string; kind: "tags"; mode: TagMode; values: string }
  | { id: string; kind: "param"; key: string; op: ParamOperator; type: ValueType; value: string }
  | { id: string; kind: "metadata"; key: string; exists: boolean }
  | { id: string; kind: "date"; field: RunDateField; from: string; to: string }
  /** A node the builder cannot edit (a NOT, a deeper group) from a shared link: kept as it is, or removed. */
  | { id: string; kind: "raw"; node: RunFilter };
export interface DraftGroup {
  id: string;
  kind: "group";
  mode: GroupMode;
  children: DraftCondition[];
}
export type DraftNode = DraftCondition | DraftGroup;
export interface DraftRoot {
  mode: GroupMode;
  children: DraftNode[];
}

let counter = 0;
/** Keys for React lists only, never rendered into the DOM (so server and client may differ). */
export const newDraftId = () => `n${(counter += 1)}`;

export function newCondition(kind: ConditionKind): DraftCondition {
  const id = newDraftId();
  switch (kind) {
    case "status":
      return { id, kind, statuses: [] };
    case "tags":
      return { id, kind, mode: "any", values: "" };
    case "param":
      return { id, kind, key: "", op: "=", type: "string", value: "" };
    case "metadata":
      return { id, kind, key: "", exists: true };
    case "date":
      return { id, kind, field: "createdAt", from: "", to: "" };
  }
}

/** The value types an operator allows: comparisons need numbers, `contains` needs text. */
export function valueTypesFor(op: ParamOperator): readonly ValueType[] {
  if (op === "contains") return ["string"];
  if (op === "=" || op === "!=") return ["string", "number", "boolean"];
  return ["number"];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A date as a `datetime-local` value in the viewer's time zone (seconds only when there are some). */
export function toLocalInput(date: Date): string {
  const minutes = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() || date.getMilliseconds() ? `${minutes}:${pad(date.getSeconds())}` : minutes;
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A `datetime-local` value as a date: "" → undefined, anything unreadable → null. */
export function fromLocalInput(text: string): Date | undefined | null {
  if (text === "") return undefined;
  if (!LOCAL_INPUT.test(text)) return null;
  const date = new Date(text); // no offset in the text: read as local time
  return Number.isNaN(date.getTime()) ? null : date;
}

function toCondition(node: RunFilter): DraftCondition {
  const id = newDraftId();
  if ("status" in node) return { id, kind: "status", statuses: [...node.status] };
  if ("tags" in node) return { id, kind: "tags", mode: node.tags.mode, values: node.tags.values.join(", ") };
  if ("param" in node) {
    const { key, op, value } = node.param;
    const type = typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "string";
    return { id, kind: "param", key, op, type, value: String(value) };
  }
  if ("metadata" in node) return { id, kind: "metadata", ...node.metadata };
  if ("date" in node) {
    const { field, from, to } = node.date;
    return { id, kind: "date", field, from: from ? toLocalInput(from) : "", to: to ? toLocalInput(to) : "" };
  }
  return { id, kind: "raw", node };
}

const isGroup = (node: RunFilter): node is { and: RunFilter[] } | { or: RunFilter[] } => "and" in node || "or" in node;
const groupOf = (node: { and: RunFilter[] } | { or: RunFilter[] }) =>
  "and" in node ? { mode: "and" as const, children: node.and } : { mode: "or" as const, children: node.or };

function toNode(node: RunFilter): DraftNode {
  if (!isGroup(node)) return toCondition(node);
  const { mode, children } = groupOf(node);
  if (children.some(isGroup)) return { id: newDraftId(), kind: "raw", node };
  return { id: newDraftId(), kind: "group", mode, children: children.map(toCondition) };
}

/** The builder's state for an applied filter; a single condition becomes a top-level ALL group holding it. */
export function toDraft(filter: RunFilter | undefined): DraftRoot {
  if (!filter) return { mode: "and", children: [] };
  if (!isGroup(filter)) return { mode: "and", children: [toNode(filter)] };
  const { mode, children } = groupOf(filter);
  return { mode, children: children.map(toNode) };
}
