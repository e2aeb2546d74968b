import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { assertOwnerRemains, assertProjectNameConfirmed } from "./membership";

describe("assertOwnerRemains", () => {
  it.each([
    { owners: ["a"], userId: "a", nextRole: "editor" as const, ok: false },
    { owners: ["a"], userId: "a", nextRole: "viewer" as const, ok: false },
    { owners: ["a"], userId: "a", nextRole: null, ok: false },
    { owners: ["a"], userId: "a", nextRole: "owner" as const, ok: true },
    { owners: ["a", "b"], userId: "a", nextRole: null, ok: true },
    { owners: ["a", "b"], userId: "a", nextRole: "viewer" as const, ok: true },
    { owners: ["a"], userId: "c", nextRole: null, ok: true },
    { owners: ["a"], userId: "c", nextRole: "viewer" as const, ok: true },
  ])("owners=$owners user=$userId → $nextRole: ok=$ok", ({ ok, ...change }) => {
    const attempt = () => assertOwnerRemains(change);
    if (ok) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(DomainError);
  });

  it("says what to do instead", () => {
    expect(() => assertOwnerRemains({ owners: ["a"], userId: "a", nextRole: null })).toThrow(/another member an owner/);
  });
});

describe("assertProjectNameConfirmed", () => {
  it("accepts the exact name", () => expect(() => assertProjectNameConfirmed("Lab A", "Lab A")).not.toThrow());
  it.each(["lab a", "Lab A ", "", "Lab"])("refuses %j", (typed) => {
    expect(() => assertProjectNameConfirmed("Lab A", typed)).toThrow(DomainError);
  });
});
