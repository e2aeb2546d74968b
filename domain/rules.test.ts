import { describe, expect, it } from "vitest";
import { assertRunAcceptsSession, decideSessionRemoval } from "./capture-session/rules";
import { DomainError } from "./errors";
import { assertNoRunningRuns } from "./experiment/rules";
import { assertCanFinalize, assertFailureReason, runDurationMs, timestampsFor } from "./run/rules";
import { RUN_STATUSES } from "./run/status";

describe("assertCanFinalize", () => {
  it.each(["succeeded", "failed", "archived"] as const)("refuses %s while session #3 runs, naming it", (target) => {
    expect(() => assertCanFinalize(target, 3)).toThrow(/#3/);
  });
  it.each(RUN_STATUSES)("allows %s with no running session", (target) => {
    expect(() => assertCanFinalize(target, null)).not.toThrow();
  });
  it("does not block starting", () => expect(() => assertCanFinalize("running", 1)).not.toThrow());
});

describe("runDurationMs", () => {
  const t0 = new Date("2026-01-01T10:00:00Z");
  it.each([
    [null, null, null],
    [t0, new Date("2026-01-01T10:00:05Z"), 5000],
    [t0, null, 60_000],
    [t0, new Date("2026-01-01T09:00:00Z"), 0],
  ])("%s → %s = %s", (start, end, expected) => {
    expect(runDurationMs(start, end, new Date("2026-01-01T10:01:00Z"))).toBe(expected);
  });
});

describe("timestampsFor", () => {
  const now = new Date("2026-02-02T00:00:00Z");
  it.each([
    ["running", { startedAt: now }],
    ["succeeded", { finishedAt: now }],
    ["failed", { finishedAt: now }],
    ["archived", {}],
    ["draft", {}],
  ] as const)("%s", (status, expected) => expect(timestampsFor(status, now)).toEqual(expected));
});

describe("assertFailureReason", () => {
  it.each([undefined, "", "   "])("needs a reason to fail (%j)", (reason) => {
    expect(() => assertFailureReason("failed", reason)).toThrow(DomainError);
  });
  it("accepts a reason", () => expect(() => assertFailureReason("failed", "sensor broke")).not.toThrow());
  it("ignores other targets", () => expect(() => assertFailureReason("succeeded", undefined)).not.toThrow());
});

describe("capture sessions", () => {
  it.each(["draft", "succeeded", "failed", "archived"] as const)("cannot start in a %s run", (status) => {
    expect(() => assertRunAcceptsSession(status)).toThrow(/running run/);
  });
  it("start in a running run", () => expect(() => assertRunAcceptsSession("running")).not.toThrow());
  it.each([
    ["stopped", false, "delete"],
    ["failed", false, "delete"],
    ["stopped", true, "archive"],
    ["archived", true, "archive"],
  ] as const)("%s with telemetry=%s → %s", (status, telemetry, expected) => {
    expect(decideSessionRemoval(status, telemetry, 2)).toBe(expected);
  });
  it("refuses to delete a running session", () => expect(() => decideSessionRemoval("running", false, 4)).toThrow(/#4 is running/));
});

describe("assertNoRunningRuns", () => {
  it("allows deletion with no running run", () => expect(() => assertNoRunningRuns(0)).not.toThrow());
  it.each([1, 7])("refuses with %i running", (n) => expect(() => assertNoRunningRuns(n)).toThrow(DomainError));
});
