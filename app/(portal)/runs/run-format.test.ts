import { describe, expect, it } from "vitest";
import { RUN_STATUSES, runStatus } from "../../../domain/run/status";
import { actionLabel, describeChange, formatDuration, formatElapsed, isRunTarget, liveDurationMs, RUN_ACTIONS } from "./run-format";

describe("formatElapsed", () => {
  it.each([
    [0, "00:00:00"],
    [999, "00:00:00"],
    [83_000, "00:01:23"],
    [3_600_000, "01:00:00"],
    [86_399_999, "23:59:59"],
    [123 * 3_600_000 + 4 * 60_000 + 5_000, "123:04:05"],
    [-5_000, "00:00:00"],
    [Number.NaN, "00:00:00"],
  ])("formats %d ms as %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it("shows a dash for a run that never started", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(61_000)).toBe("00:01:01");
  });
});

describe("liveDurationMs", () => {
  it("advances a running duration by the time since it arrived", () => {
    expect(liveDurationMs(10_000, 1_000, 4_000, true)).toBe(13_000);
  });
  it("keeps a finished duration and a missing one as they are", () => {
    expect(liveDurationMs(10_000, 1_000, 4_000, false)).toBe(10_000);
    expect(liveDurationMs(null, 1_000, 4_000, true)).toBeNull();
  });
  it("never goes backwards when the data is newer than the clock tick", () => {
    expect(liveDurationMs(10_000, 5_000, 4_000, true)).toBe(10_000);
  });
});

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
