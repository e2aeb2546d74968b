// The tRPC fetch handler behind app/api/trpc (used by `next dev` and a plain `next start`; the platform's own server
// answers /api/trpc in server/http/trpc-node.ts): body limit, request-id header, Retry-After for rate limits.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getDb } from "../../db/client";
import { toErrorResponse } from "../errors";
import { MAX_JSON_BODY_BYTES, readLimited } from "../http";
import { resolveRequestId } from "../request-id";
import { appRouter } from "./app-router";
import { createTrpcContext } from "./context";
import { responseMetaFor } from "./response-meta";

/** The proxy refuses a declared Content-Length over the limit; a chunked body is counted here as it arrives. */
async function withBoundedBody(request: Request): Promise<Request> {
  if (request.method !== "POST" || request.headers.has("content-length")) return request;
  const body = await readLimited(request, MAX_JSON_BODY_BYTES);
  return new Request(request.url, { method: "POST", headers: request.headers, body });
}

export async function handleTrpcRequest(incoming: Request): Promise<Response> {
  const requestId = resolveRequestId(incoming.headers.get("x-request-id"));
  let request: Request;
  try {
    request = await withBoundedBody(incoming);
  } catch (error) {
    return toErrorResponse(error, requestId);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createTrpcContext({ db: getDb(), requestId, headers: request.headers }),
    responseMeta: responseMetaFor(requestId),
  });
}
