// Headers every tRPC response carries, whichever transport served it: the request id, no caching, Retry-After when a
// procedure was refused by a rate limit, and a renewed session cookie when every call succeeded (a refused call may
// come from a revoked session, which must not be handed a fresh lifetime).
import type { ResponseMetaFn } from "@trpc/server/http";
import { DomainError } from "../../domain/errors";
import type { AppRouter } from "./app-router";

export function responseMetaFor(requestId: string): ResponseMetaFn<AppRouter> {
  return ({ ctx, errors }) => {
    const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
    const retryAfter = errors
      .map((e) => (e.cause instanceof DomainError ? e.cause.details?.retryAfterSeconds : undefined))
      .find((v) => typeof v === "number");
    if (retryAfter) headers.set("retry-after", String(retryAfter));
    if (ctx?.sessionRenewal && errors.length === 0) headers.append("set-cookie", ctx.sessionRenewal);
    return { headers };
  };
}
