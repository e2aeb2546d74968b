// Reading tRPC errors on the client: field errors for forms, a sentence for everything else.
import { TRPCClientError } from "@trpc/client";
import { RouteError } from "./post-json";

export type FieldErrors = Record<string, string[] | undefined>;

interface ErrorData {
  code?: string;
  httpStatus?: number;
  fieldErrors?: FieldErrors | null;
  requestId?: string;
}

function dataOf(error: unknown): ErrorData | undefined {
  if (error instanceof TRPCClientError) return error.data as ErrorData | undefined;
  if (error instanceof RouteError) return error.data;
  return undefined;
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  return dataOf(error)?.fieldErrors ?? {};
}

export function errorCodeOf(error: unknown): string | undefined {
  return dataOf(error)?.code;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
