// Turns a decoded session token into the signed-in user, refusing tokens from before the last sign-out or password change.
import type { Queryable } from "../../db/client";
import { findUserById } from "../../db/queries/users";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  activeProjectId: string | null;
}

export interface SessionClaims {
  uid?: unknown;
  sv?: unknown;
}

export async function resolveSessionUser(db: Queryable, claims: SessionClaims | null | undefined): Promise<SessionUser | null> {
  if (!claims || typeof claims.uid !== "string" || typeof claims.sv !== "number") return null;
  const user = await findUserById(db, claims.uid).catch(() => undefined);
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, activeProjectId: user.activeProjectId };
}
