// Role → scope table: the single answer to "may this member do that?".
export const ROLES = ["owner", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = [
  "project:read",
  "project:write",
  "project:delete",
  "members:read",
  "members:write",
  "audit:read",
  "experiments:read",
  "experiments:write",
  "runs:read",
  "runs:write",
  "sensors:read",
  "sensors:write",
  "webhooks:write",
] as const;
export type Scope = (typeof SCOPES)[number];

const READ_SCOPES: readonly Scope[] = SCOPES.filter((s) => s.endsWith(":read"));
// Webhooks send the project's data to an outside address, so only owners may point them somewhere.
const OWNER_ONLY: readonly Scope[] = ["project:delete", "members:write", "webhooks:write"];

const ACCESS: Record<Role, ReadonlySet<Scope>> = {
  owner: new Set(SCOPES),
  editor: new Set(SCOPES.filter((s) => !OWNER_ONLY.includes(s))),
  viewer: new Set(READ_SCOPES),
};

export function can(role: Role, scope: Scope): boolean {
  return ACCESS[role].has(scope);
}

export function isWriteScope(scope: Scope): boolean {
  return !scope.endsWith(":read");
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
