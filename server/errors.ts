// The error table: every DomainError code maps once to a tRPC code and an HTTP status.
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "../domain/errors";
import { logger } from "./logger";

export const ERROR_TABLE: Record<DomainErrorCode, { trpc: TRPC_ERROR_CODE_KEY; status: number }> = {
  BAD_INPUT: { trpc: "BAD_REQUEST", status: 400 },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", status: 401 },
  FORBIDDEN: { trpc: "FORBIDDEN", status: 403 },
  NOT_FOUND: { trpc: "NOT_FOUND", status: 404 },
  CONFLICT: { trpc: "CONFLICT", status: 409 },
  INVALID_TRANSITION: { trpc: "CONFLICT", status: 409 },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { trpc: "UNSUPPORTED_MEDIA_TYPE", status: 415 },
  UNPROCESSABLE: { trpc: "UNPROCESSABLE_CONTENT", status: 422 },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", status: 429 },
};

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: ERROR_TABLE[error.code].trpc, message: error.message, cause: error });
}

export function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return fieldErrors;
}

function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) {
    return new DomainError("BAD_INPUT", "Some fields are not valid.", { fieldErrors: fieldErrorsOf(error) });
  }
  return null;
}

/** The JSON error body of plain route handlers, in the same vocabulary as tRPC errors. 5xx messages are masked. */
export function toErrorResponse(error: unknown, requestId: string): Response {
  const domainError = asDomainError(error);
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (!domainError) {
    logger.error({ err: error, requestId }, "unhandled error");
    return Response.json(
      { error: { code: "INTERNAL", message: `Something went wrong on our side. Quote request id ${requestId}.`, requestId } },
      { status: 500, headers },
    );
  }
  const retryAfter = domainError.details?.retryAfterSeconds;
  if (retryAfter) headers["retry-after"] = String(retryAfter);
  return Response.json(
    { error: { code: domainError.code, message: domainError.message, details: domainError.details ?? null, requestId } },
    { status: ERROR_TABLE[domainError.code].status, headers },
  );
}
