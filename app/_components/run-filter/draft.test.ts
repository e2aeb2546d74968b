import { describe, expect, it } from "vitest";
import type { RunFilter } from "../../../domain/run/filter";
import { fromLocalInput, newCondition, toDraft, toLocalInput, type DraftRoot } from "./draft";
import { applyDraft, nodeIdAt } from "./draft-apply";
import { addCondition, addGroup, changeKind, removeNode, updateNode } from "./draft-edit";

const applied = (root: DraftRoot) => {
  const result = applyDraft(root);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.filter;
};

describe("toDraft / applyDraft", () => {
  it("round-trips a top-level group with a nested group", () => {
    const filter: RunFilter = {
      or: [
        { status: ["running"] },
        { and: [{ param: { key: "lr", op: ">=", value: 0.1 } }, { param: { key: "warm", op: "=", value: true } }] },
        { tags: { mode: "all", values: ["a", "b"] } },
        { metadata: { key: "op", exists: false } },
        { date: { field: "startedAt", from: new Date(2025, 2, 1, 9, 30), to: new Date(2025, 2, 2) } },
      ],
    };
    expect(applied(toDraft(filter))).toEqual(filter);
  });

  it("wraps a single condition in an ALL group", () => {
    expect(applied(toDraft({ status: ["draft"] }))).toEqual({ and: [{ status: ["draft"] }] });
  });

  it("keeps what the builder cannot edit as a raw node", () => {
    const filter: RunFilter = { and: [{ not: { status: ["draft"] } }, { or: [{ and: [{ status: ["failed"] }] }] }] };
    const draft = toDraft(filter);
    expect(draft.children.map((c) => c.kind)).toEqual(["raw", "raw"]);
    expect(applied(draft)).toEqual(filter);
  });

  it("reads no conditions as no filter", () => {
    expect(applyDraft({ mode: "or", children: [] })).toEqual({ ok: true, filter: undefined });
  });

  it("types param values by the chosen type and operator", () => {
    const root = (type: "string" | "number" | "boolean", op: "=" | "<" | "contains", value: string): DraftRoot => ({
      mode: "and",
      children: [{ id: "p", kind: "param", key: "k", op, type, value }],
    });
    expect(applied(root("number", "=", "1.5"))).toEqual({ and: [{ param: { key: "k", op: "=", value: 1.5 } }] });
    expect(applied(root("string", "=", "1.5"))).toEqual({ and: [{ param: { key: "k", op: "=", value: "1.5" } }] });
    expect(applied(root("boolean", "=", "false"))).toEqual({ and: [{ param: { key: "k", op: "=", value: false } }] });
    expect(applied(root("string", "<", "3"))).toEqual({ and: [{ param: { key: "k", op: "<", value: 3 } }] });
    expect(applied(root("number", "contains", "3"))).toEqual({ and: [{ param: { key: "k", op: "contains", value: "3" } }] });
  });
});

describe("applyDraft errors", () => {
  it("puts the contract's messages on the offending node, nested ones included", () => {
    const root: DraftRoot = {
      mode: "and",
      children: [
        { id: "ok", kind: "status", statuses: ["running"] },
        { id: "g", kind: "group", mode: "or", children: [{ id: "m", kind: "metadata", key: " ", exists: true }] },
        { id: "s", kind: "status", statuses: [] },
        { id: "d", kind: "date", field: "createdAt", from: "2025-03-02T00:00", to: "2025-03-01T00:00" },
      ],
    };
    const result = applyDraft(root);
    expect(result).toEqual({ ok: false, errors: { m: ["Name a key"], s: ["Pick at least one status"], d: ["'from' must be before 'to'"] } });
  });

  it("catches what the contract would say badly before asking it", () => {
    const root: DraftRoot = {
      mode: "or",
      children: [
        { id: "n", kind: "param", key: "lr", op: "<", type: "number", value: "abc" },
        { id: "t", kind: "tags", mode: "any", values: " , " },
        { id: "g", kind: "group", mode: "and", children: [] },
        { id: "d", kind: "date", field: "createdAt", from: "2025-03", to: "" },
      ],
    };
    expect(applyDraft(root)).toEqual({
      ok: false,
      errors: {
        n: ["Enter a number"],
        t: ["Enter at least one tag"],
        g: ["Add a condition to this group or remove it"],
        d: ["Enter a full date and time"],
      },
    });
  });

  it("maps issue paths to draft ids", () => {
    const root: DraftRoot = { mode: "and", children: [{ id: "a", kind: "group", mode: "or", children: [{ id: "b", kind: "status", statuses: [] }] }] };
    expect(nodeIdAt(root, ["and", 0, "or", 0, "status"])).toBe("b");
    expect(nodeIdAt(root, ["and", 0])).toBe("a");
    expect(nodeIdAt(root, ["or", 0])).toBe("");
    expect(nodeIdAt(root, [])).toBe("");
  });
});

describe("draft edits", () => {
  it("adds, updates and removes conditions and groups", () => {
    let root: DraftRoot = { mode: "and", children: [] };
    root = addCondition(root, "status");
    root = addGroup(root, "param");
    const group = root.children[1]!;
    expect(group).toMatchObject({ kind: "group", mode: "or" });
    root = addCondition(root, "metadata", group.id);
    const inner = root.children[1]!.kind === "group" ? root.children[1]!.children : [];
    expect(inner.map((c) => c.kind)).toEqual(["param", "metadata"]);
    root = updateNode(root, inner[1]!.id, (node) => changeKind(node, "date"));
    root = removeNode(root, inner[0]!.id);
    expect(root.children[1]).toMatchObject({ kind: "group", children: [{ kind: "date", id: inner[1]!.id }] });
    root = removeNode(root, group.id);
    expect(root.children.map((c) => c.kind)).toEqual(["status"]);
  });

  it("starts every kind of condition empty", () => {
    expect(newCondition("param")).toMatchObject({ key: "", op: "=", type: "string", value: "" });
  });
});

describe("datetime-local text", () => {
  it("round-trips local dates", () => {
    const date = new Date(2025, 0, 5, 7, 8);
    expect(toLocalInput(date)).toBe("2025-01-05T07:08");
    expect(fromLocalInput(toLocalInput(date))).toEqual(date);
    expect(toLocalInput(new Date(2025, 0, 5, 7, 8, 9))).toBe("2025-01-05T07:08:09");
  });

  it("tells empty from unreadable", () => {
    expect(fromLocalInput("")).toBeUndefined();
    expect(fromLocalInput("2025-01-05")).toBeNull();
    expect(fromLocalInput("2025-13-45T99:99")).toBeNull();
  });
});
