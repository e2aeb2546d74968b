import { describe, expect, it } from "vitest";
import type { CaptureSessionStatus } from "../capture-session/status";
import { DomainError } from "../errors";
import type { RunStatus } from "../run/status";
import { decideLateData } from "./late-data";

describe("decideLateData", () => {
  it.each<[RunStatus, CaptureSessionStatus | null, boolean]>([
    ["draft", null, false],
    ["running", null, false],
    ["running", "running", false],
    ["succeeded", null, true],
    ["failed", null, true],
    ["succeeded", "stopped", true],
    ["running", "stopped", true],
    ["running", "failed", true],
  ])("run %s, session %s → late %s", (runStatus, sessionStatus, late) => {
    expect(decideLateData({ runStatus, sessionStatus })).toEqual({ late });
  });

  it.each<[RunStatus, CaptureSessionStatus | null, string]>([
    ["archived", null, "run_archived"],
    ["archived", "archived", "run_archived"],
    ["succeeded", "archived", "session_archived"],
  ])("run %s, session %s → 409 %s", (runStatus, sessionStatus, reason) => {
    try {
      decideLateData({ runStatus, sessionStatus });
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("CONFLICT");
      expect((error as DomainError).details?.reason).toBe(reason);
    }
  });
});
