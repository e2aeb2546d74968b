// Per-request context: the database, the request id and the signed-in user (null when signed out).
import type { Db } from "../../db/client";
import { getDb } from "../../db/client";
import type { SessionUser } from "../auth/session-user";
import { currentUser } from "../auth/current-user";
import { clientAddress } from "../http";
import { resolveRequestId } from "../request-id";

export interface TrpcContext {
  db: Db;
  requestId: string;
  user: SessionUser | null;
  /** The client's address, for rate limits on anonymous procedures. */
  clientIp: string;
}

export async function createRequestContext(request: Request): Promise<TrpcContext> {
  return {
    db: getDb(),
    requestId: resolveRequestId(request.headers.get("x-request-id")),
    user: await currentUser(),
    clientIp: clientAddress(request),
  };
}
