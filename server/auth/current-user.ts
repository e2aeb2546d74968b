// The signed-in user for server components and route handlers, or null when the cookie is missing, tampered, expired or revoked.
import { getDb } from "../../db/client";
import { auth } from "./config";
import { resolveSessionUser, type SessionUser } from "./session-user";

export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth().catch(() => null);
  if (!session) return null;
  return resolveSessionUser(getDb(), { uid: session.uid, sv: session.sv });
}
