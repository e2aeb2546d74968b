// Runs before every route: assigns the request id, refuses cross-site writes and oversized bodies early.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, resolveRequestId } from "./server/request-id";
import { refusalBody, refusalFor } from "./server/request-gate";

export function proxy(request: NextRequest) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  const refusal = refusalFor({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (refusal) {
    return NextResponse.json(refusalBody(refusal, requestId), { status: refusal.status, headers: { [REQUEST_ID_HEADER]: requestId } });
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
