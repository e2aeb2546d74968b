// Per-request context: the database, the request id and the signed-in user (null when signed out). Both transports
// build it here: the Next.js route handler and the node:http handler in front of Next.js.
import type { Db } from "../../db/client";
import type { SessionUser, VerifiableClaims } from "../auth/session-user";
import { readSessionCookie } from "../auth/session-cookie";
import { clientAddress, type HeaderSource } from "../http";

export interface TrpcContext {
  db: Db;
  requestId: string;
  user: SessionUser | null;
  /**
   * The session cookie's claims when `user` is not resolved yet: the procedure ladder checks them against the database
   * in its first query (together with the project membership, for project-scoped calls), so no call pays a separate
   * round trip for the session. Callers that already know the user (tests, server components) set `user` instead.
   */
  sessionClaims?: VerifiableClaims | null;
  /** The client's address, for rate limits on anonymous procedures. */
  clientIp: string;
  /** A renewed session cookie that a successful response sets (see responseMetaFor), so active sessions roll. */
  sessionRenewal?: string | null;
}

export interface ContextSource {
  db: Db;
  requestId: string;
  headers: HeaderSource;
  /** The peer address, when the transport has a socket. */
  socketAddress?: string;
}

export async function createTrpcContext(source: ContextSource): Promise<TrpcContext> {
  const session = await readSessionCookie(source.headers.get("cookie") ?? undefined);
  return {
    db: source.db,
    requestId: source.requestId,
    user: null,
    sessionClaims: session?.claims ?? null,
    clientIp: clientAddress(source.headers, source.socketAddress),
    sessionRenewal: session?.renewal ?? null,
  };
}
