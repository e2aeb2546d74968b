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

/** Claims of a well-formed session token, still to be checked against the database. */
export interface VerifiableClaims {
  uid: string;
  sv: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifiableClaims(claims: SessionClaims | null | undefined): VerifiableClaims | null {
  if (!claims || typeof claims.uid !== "string" || !UUID.test(claims.uid) || typeof claims.sv !== "number") return null;
  return { uid: claims.uid, sv: claims.sv };
}

export async function resolveSessionUser(db: Queryable, sessionClaims: SessionClaims | null | undefined): Promise<SessionUser | null> {
  const claims = verifiableClaims(sessionClaims);
  if (!claims) return null;
  const user = await findUserById(db, claims.uid).catch(() => undefined);
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { id: user.id, email: user.email, name: user.name, activeProjectId: user.activeProjectId };
}
