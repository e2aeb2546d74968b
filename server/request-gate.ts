// The refusals proxy.ts applies before any route, as data, so the node:http tRPC handler applies exactly the same ones.
import { checkCsrf, isBlockedAuthRoute, type CsrfRequest } from "./csrf";
import { MAX_JSON_BODY_BYTES } from "./http";

export interface Refusal {
  status: 403 | 404 | 413 | 415;
  code: "FORBIDDEN" | "NOT_FOUND" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE";
  message: string;
}

export function refusalFor(request: CsrfRequest): Refusal | null {
  const { method, pathname, headers } = request;
  if (isBlockedAuthRoute(method, pathname)) {
    return { status: 404, code: "NOT_FOUND", message: "Not available: sign in and out through /api/auth/sign-in and /api/auth/sign-out." };
  }
  const verdict = checkCsrf(request);
  if (!verdict.ok) return { status: verdict.status, code: verdict.status === 403 ? "FORBIDDEN" : "UNSUPPORTED_MEDIA_TYPE", message: verdict.message };

  const length = Number(headers.get("content-length") ?? 0);
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/v1/telemetry") && length > MAX_JSON_BODY_BYTES) {
    return { status: 413, code: "PAYLOAD_TOO_LARGE", message: `The body is larger than the limit of ${MAX_JSON_BODY_BYTES} bytes.` };
  }
  return null;
}

export function refusalBody(refusal: Refusal, requestId: string) {
  return { error: { code: refusal.code, message: refusal.message, requestId } };
}
