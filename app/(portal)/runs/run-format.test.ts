import { describe, expect, it } from "vitest";
import { RUN_STATUSES, runStatus } from "../../../domain/run/status";
import { actionLabel, describeChange, isRunTarget, RUN_ACTIONS } from "./run-format";

describe("RUN_ACTIONS", () => {
  it("has a button for every status a run can move to", () => {
    const targets = RUN_STATUSES.flatMap((status) => runStatus.allowedFrom(status));
    for (const target of targets) expect(isRunTarget(target) && RUN_ACTIONS[target].testId).toMatch(/^run-action-/);
    expect(isRunTarget("draft")).toBe(false);
  });
});

describe("describeChange", () => {
  it("reads a run status change with its reason", () => {
    const event = { entityType: "run", before: { status: "running", reason: null }, after: { status: "failed", reason: "Sensor died" } };
    expect(describeChange(event)).toEqual({ subject: "Run", from: "running", to: "failed", reason: "Sensor died" });
  });
  it("names sessions by ordinal, from after or (when deleted) before", () => {
    expect(describeChange({ entityType: "capture_session", before: null, after: { ordinalNumber: 2, status: "running" } })).toEqual({
      subject: "Session #2",
      from: null,
      to: "running",
      reason: null,
    });
    expect(describeChange({ entityType: "capture_session", before: { ordinalNumber: 3, status: "stopped" }, after: null }).subject).toBe("Session #3");
  });
  it("tolerates events without a status or with odd snapshots", () => {
    expect(describeChange({ entityType: "run", before: { tags: ["a"] }, after: { tags: [] } })).toEqual({ subject: "Run", from: null, to: null, reason: null });
    expect(describeChange({ entityType: "capture_session", before: [1], after: "x" })).toEqual({ subject: "Session", from: null, to: null, reason: null });
    expect(describeChange({ entityType: "run", before: null, after: { status: "failed", reason: "  " } }).reason).toBeNull();
  });
});

describe("actionLabel", () => {
  it.each([
    ["capture_session.status_changed", "status changed"],
    ["run.created", "created"],
    ["run.tags_changed", "tags changed"],
    ["plain", "plain"],
    ["run.", "run."],
  ])("reads %s as %s", (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });
});
