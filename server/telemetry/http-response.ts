// JSON answers of the /api/v1 routes on node:http, in the platform's error vocabulary (server/errors.ts).
// A DomainError whose details carry `reason` (e.g. "run_archived") answers with that public code instead of the
// generic one, because sensor firmware branches on it.
import type { ServerResponse } from "node:http";
import { ZodError } from "zod";
import { DomainError } from "../../domain/errors";
import { ERROR_TABLE, fieldErrorsOf } from "../errors";
import { logger } from "../logger";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** Answers any thrown value: DomainError and ZodError as 4xx with detail, everything else as a masked 500. */
export function sendError(res: ServerResponse, error: unknown, requestId: string): void {
  const domainError =
    error instanceof DomainError
      ? error
      : error instanceof ZodError
        ? new DomainError("BAD_INPUT", "The body does not match the schema.", { fieldErrors: fieldErrorsOf(error) })
        : null;
  if (!domainError) {
    logger.error({ err: error, requestId }, "v1 route failed");
    return sendJson(res, 500, { error: { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId}.`, requestId } });
  }
  const { reason, ...details } = domainError.details ?? {};
  const headers: Record<string, string> = {};
  if (details.retryAfterSeconds) headers["retry-after"] = String(details.retryAfterSeconds);
  const code = typeof reason === "string" ? reason : domainError.code;
  sendJson(res, ERROR_TABLE[domainError.code].status, { error: { code, message: domainError.message, details, requestId } }, headers);
}
