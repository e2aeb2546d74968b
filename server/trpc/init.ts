// tRPC instance: superjson (via contracts/wire-transformer.ts), one error formatter (zod field errors, domain codes, masked
// 5xx), and the procedure ladder's base.
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Scope } from "../../domain/access";
import { DomainError } from "../../domain/errors";
import { fieldErrorsOf, toTRPCError } from "../errors";
import { logger } from "../logger";
import type { TrpcContext } from "./context";
import { transformer } from "../../contracts/wire-transformer";

export interface ProcedureMeta {
  /** Project-scoped procedures name the scope they need; the rest say who may call them. */
  scope?: Scope;
  access?: "public" | "user";
}

const t = initTRPC
  .context<TrpcContext>()
  .meta<ProcedureMeta>()
  .create({
    transformer,
    errorFormatter({ shape, error, ctx }) {
      const cause = error.cause;
      const isInternal = error.code === "INTERNAL_SERVER_ERROR";
      if (isInternal) logger.error({ err: cause ?? error, requestId: ctx?.requestId }, "unhandled error");
      return {
        ...shape,
        message: isInternal
          ? `Something went wrong on our side. Quote request id ${ctx?.requestId ?? "unknown"}.`
          : cause instanceof ZodError
            ? "Some fields are not valid."
            : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId,
          domainCode: cause instanceof DomainError ? cause.code : cause instanceof ZodError ? "BAD_INPUT" : undefined,
          details: cause instanceof DomainError ? (cause.details ?? null) : null,
          fieldErrors: cause instanceof ZodError ? fieldErrorsOf(cause) : cause instanceof DomainError ? fieldErrorsFromDetails(cause) : null,
        },
      };
    },
  });

function fieldErrorsFromDetails(error: DomainError): Record<string, string[]> | null {
  const fieldErrors = error.details?.fieldErrors;
  return fieldErrors && typeof fieldErrors === "object" ? (fieldErrors as Record<string, string[]>) : null;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** Translates DomainErrors thrown anywhere below into their tRPC code, once, for every procedure. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

/** One structured log line per call: what ran, for whom, how it ended and how long it took. Inputs are not logged. */
const accessLog = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  const line = { requestId: ctx.requestId, userId: ctx.user?.id ?? ctx.sessionClaims?.uid, path, type, durationMs };
  if (result.ok) logger.info({ ...line, status: "ok" }, "trpc call");
  else logger.warn({ ...line, status: "error", code: result.error.code }, "trpc call");
  return result;
});

export const baseProcedure = t.procedure.use(accessLog).use(domainErrors);
export { TRPCError };
