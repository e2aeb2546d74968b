// Immutable edits of the builder's state, by draft node id.
import { newCondition, newDraftId, type ConditionKind, type DraftCondition, type DraftNode, type DraftRoot } from "./draft";

/** Replaces the node with `id` (at the top or inside a group) by `change(node)`. */
export function updateNode(root: DraftRoot, id: string, change: (node: DraftNode) => DraftNode): DraftRoot {
  return {
    ...root,
    children: root.children.map((node) => {
      if (node.id === id) return change(node);
      if (node.kind !== "group") return node;
      return { ...node, children: node.children.map((child) => (child.id === id ? (change(child) as DraftCondition) : child)) };
    }),
  };
}

export function removeNode(root: DraftRoot, id: string): DraftRoot {
  return {
    ...root,
    children: root.children
      .filter((node) => node.id !== id)
      .map((node) => (node.kind === "group" ? { ...node, children: node.children.filter((child) => child.id !== id) } : node)),
  };
}

/** Adds a condition to the top-level group, or to the nested group `groupId`. */
export function addCondition(root: DraftRoot, kind: ConditionKind, groupId?: string): DraftRoot {
  const condition = newCondition(kind);
  if (!groupId) return { ...root, children: [...root.children, condition] };
  return updateNode(root, groupId, (node) => (node.kind === "group" ? { ...node, children: [...node.children, condition] } : node));
}

/** A nested group starts with one condition and the opposite mode of the top level (ALL of …, one of which is ANY of …). */
export function addGroup(root: DraftRoot, kind: ConditionKind): DraftRoot {
  const mode = root.mode === "and" ? "or" : "and";
  return { ...root, children: [...root.children, { id: newDraftId(), kind: "group", mode, children: [newCondition(kind)] }] };
}

/** Switches a condition to another kind, starting it empty (keeps its place and id). */
export function changeKind(node: DraftNode, kind: ConditionKind): DraftNode {
  if (node.kind === kind) return node;
  return { ...newCondition(kind), id: node.id };
}
