// Every pair of statuses, for every machine: the allowed ones pass, all others throw INVALID_TRANSITION naming the allowed targets.
import { describe, expect, it } from "vitest";
import { captureSessionStatus } from "./capture-session/status";
import { DomainError } from "./errors";
import { experimentStatus } from "./experiment/status";
import { runStatus } from "./run/status";
import type { StateMachine } from "./state-machine";

const ALLOWED: Record<string, { machine: StateMachine<string>; pairs: string[] }> = {
  experiment: {
    machine: experimentStatus,
    pairs: ["draft→active", "draft→archived", "active→completed", "completed→archived"],
  },
  run: {
    machine: runStatus,
    pairs: ["draft→running", "running→succeeded", "running→failed", "draft→archived", "succeeded→archived", "failed→archived"],
  },
  "capture session": {
    machine: captureSessionStatus,
    pairs: ["running→stopped", "running→failed", "stopped→archived", "failed→archived"],
  },
};

describe.each(Object.entries(ALLOWED))("%s status machine", (_name, { machine, pairs }) => {
  const all = machine.statuses.flatMap((from) => machine.statuses.map((to) => [from, to, pairs.includes(`${from}→${to}`)] as const));

  it.each(all)("%s → %s allowed=%s", (from, to, allowed) => {
    expect(machine.canTransition(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => machine.assertTransition(from, to)).not.toThrow();
      return;
    }
    try {
      machine.assertTransition(from, to);
      expect.fail(`${from} → ${to} should be refused`);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const domainError = error as DomainError;
      expect(domainError.code).toBe("INVALID_TRANSITION");
      expect(domainError.details?.allowed).toEqual([...machine.allowedFrom(from)]);
      for (const target of machine.allowedFrom(from)) expect(domainError.message).toContain(target);
    }
  });

  it("lists every allowed pair in the table", () => {
    expect(all.filter(([, , ok]) => ok).map(([f, t]) => `${f}→${t}`).sort()).toEqual([...pairs].sort());
  });
});
