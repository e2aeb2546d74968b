// Headers every tRPC response carries, whichever transport served it: the request id, no caching, and Retry-After
// when a procedure was refused by a rate limit.
import type { ResponseMetaFn } from "@trpc/server/http";
import { DomainError } from "../../domain/errors";
import type { AppRouter } from "./app-router";

export function responseMetaFor(requestId: string): ResponseMetaFn<AppRouter> {
  return ({ errors }) => {
    const headers = new Headers({ "x-request-id": requestId, "cache-control": "no-store" });
    const retryAfter = errors
      .map((e) => (e.cause instanceof DomainError ? e.cause.details?.retryAfterSeconds : undefined))
      .find((v) => typeof v === "number");
    if (retryAfter) headers.set("retry-after", String(retryAfter));
    return { headers };
  };
}
