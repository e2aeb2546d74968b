// The signed-in user for server components and route handlers (null when signed out): the request's Cookie header
// through the one decode path in session-cookie.ts, which the node:http tRPC handler uses too.
import { headers } from "next/headers";
import type { SessionUser } from "./session-user";
import { sessionUserFromCookieHeader } from "./session-cookie";

export async function currentUser(): Promise<SessionUser | null> {
  return sessionUserFromCookieHeader((await headers()).get("cookie") ?? undefined);
}
