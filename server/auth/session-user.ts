// Turns a decoded session token into the signed-in user, refusing tokens from before the last sign-out or password change.
import { idSchema } from "../../contracts/common";
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

/** Claims of a well-formed session token, still to be checked against the database. */
export interface VerifiableClaims {
  uid: string;
  sv: number;
}

export function verifiableClaims(claims: SessionClaims | null | undefined): VerifiableClaims | null {
  if (!claims || typeof claims.uid !== "string" || !idSchema.safeParse(claims.uid).success || typeof claims.sv !== "number") return null;
  return { uid: claims.uid, sv: claims.sv };
}

export async function resolveSessionUser(db: Queryable, sessionClaims: SessionClaims | null | undefined): Promise<SessionUser | null> {
  const claims = verifiableClaims(sessionClaims);
  if (!claims) return null;
  return currentSessionUser(claims, await findUserById(db, claims.uid).catch(() => undefined));
}

/** The session's user, or null when the user is gone or the session predates their last sign-out or password change. */
export function currentSessionUser(claims: VerifiableClaims, user: (SessionUser & { sessionVersion: number }) | undefined): SessionUser | null {
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, activeProjectId: user.activeProjectId };
}
