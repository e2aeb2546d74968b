// POST /api/auth/sign-out: bumps the session version, so this cookie and every copy of it stop working, then clears it.
import { getDb } from "../../db/client";
import { endAllSessions } from "../services/account";
import { resolveRequestId } from "../request-id";
import { currentUser } from "./current-user";
import { signOut } from "./config";

export async function handleSignOut(request: Request): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get("x-request-id"));
  const user = await currentUser();
  if (user) await endAllSessions(getDb(), user.id, requestId);
  await signOut({ redirect: false });
  return Response.json({ ok: true }, { headers: { "x-request-id": requestId } });
}
