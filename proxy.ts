// Runs before every route: assigns the request id, refuses cross-site writes and oversized bodies early.
import { NextResponse, type NextRequest } from "next/server";
import { checkCsrf, isBlockedAuthRoute } from "./server/csrf";
import { MAX_JSON_BODY_BYTES } from "./server/http";
import { REQUEST_ID_HEADER, resolveRequestId } from "./server/request-id";

function refuse(status: number, code: string, message: string, requestId: string) {
  return NextResponse.json({ error: { code, message, requestId } }, { status, headers: { [REQUEST_ID_HEADER]: requestId } });
}

export function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const { pathname } = request.nextUrl;

  if (isBlockedAuthRoute(request.method, pathname)) {
    return refuse(404, "NOT_FOUND", "Not available: sign in and out through /api/auth/sign-in and /api/auth/sign-out.", requestId);
  }
  const verdict = checkCsrf({ method: request.method, pathname, headers: request.headers });
  if (!verdict.ok) return refuse(verdict.status, verdict.status === 403 ? "FORBIDDEN" : "UNSUPPORTED_MEDIA_TYPE", verdict.message, requestId);

  const length = Number(request.headers.get("content-length") ?? 0);
  if (pathname.startsWith("/api/") && !pathname.startsWith("/api/v1/telemetry") && length > MAX_JSON_BODY_BYTES) {
    return refuse(413, "PAYLOAD_TOO_LARGE", `The body is larger than the limit of ${MAX_JSON_BODY_BYTES} bytes.`, requestId);
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
