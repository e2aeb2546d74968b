import { describe, expect, it } from "vitest";
import { can, isWriteScope, ROLES, SCOPES, type Role, type Scope } from "./access";

// Written out by hand on purpose: the table below is the spec, domain/access.ts is the implementation.
const EXPECTED: Record<Role, Scope[]> = {
  owner: [...SCOPES],
  editor: [
    "project:read", "project:write", "members:read", "audit:read",
    "experiments:read", "experiments:write", "runs:read", "runs:write", "sensors:read", "sensors:write",
  ],
  viewer: ["project:read", "members:read", "audit:read", "experiments:read", "runs:read", "sensors:read"],
};

const cases = ROLES.flatMap((role) => SCOPES.map((scope) => [role, scope, EXPECTED[role].includes(scope)] as const));

describe("access table", () => {
  it.each(cases)("%s → %s = %s", (role, scope, allowed) => {
    expect(can(role, scope)).toBe(allowed);
  });

  it("covers every role × scope pair", () => {
    expect(cases).toHaveLength(ROLES.length * SCOPES.length);
  });

  it("gives viewers no write scope", () => {
    expect(SCOPES.filter((s) => isWriteScope(s) && can("viewer", s))).toEqual([]);
  });

  it("reserves deleting projects, managing members and webhooks for owners", () => {
    expect(can("editor", "project:delete")).toBe(false);
    expect(can("editor", "members:write")).toBe(false);
    expect(can("editor", "webhooks:write")).toBe(false);
  });
});
