// CSRF rules for cookie-authenticated writes: same-origin only, and JSON bodies only where the API is JSON.
export interface CsrfRequest {
  method: string;
  pathname: string;
  headers: { get(name: string): string | null };
}

export type CsrfVerdict = { ok: true } | { ok: false; status: 403 | 415; message: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Sensor ingest is authenticated by a bearer token, never by a cookie, so cross-site rules do not apply to it. Exact
// paths: the cookie-authenticated routes below it (CSV import) must keep the same-origin rules.
const BEARER_ONLY_PATHS = new Set(["/api/v1/telemetry"]);
const JSON_ONLY_PREFIXES = ["/api/trpc", "/api/auth/sign-in", "/api/auth/sign-out"];

export function checkCsrf(request: CsrfRequest): CsrfVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  if (!request.pathname.startsWith("/api/")) return { ok: true };
  if (BEARER_ONLY_PATHS.has(request.pathname.replace(/\/+$/, ""))) return { ok: true };

  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  if (site && site !== "same-origin") {
    return { ok: false, status: 403, message: `Cross-site request refused (Sec-Fetch-Site: ${site}).` };
  }
  if (!site && origin && !sameHost(origin, request.headers)) {
    return { ok: false, status: 403, message: `Cross-origin request refused (Origin: ${origin}).` };
  }
  if (JSON_ONLY_PREFIXES.some((p) => request.pathname.startsWith(p))) {
    const type = request.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) {
      return { ok: false, status: 415, message: "Send the body as application/json." };
    }
  }
  return { ok: true };
}

/** Browsers omit Sec-Fetch-Site on plain http to hosts other than localhost; then Origin must name the host the request went to. */
function sameHost(origin: string, headers: CsrfRequest["headers"]): boolean {
  const forwarded = process.env.TRUST_PROXY === "false" ? null : headers.get("x-forwarded-host");
  const host = forwarded?.split(",")[0]?.trim() || headers.get("host");
  try {
    return Boolean(host) && new URL(origin).host === host;
  } catch {
    return false;
  }
}

// next-auth's own credential and sign-out endpoints would bypass our rate limit and session versioning;
// sign-in and sign-out go through /api/auth/sign-in and /api/auth/sign-out instead.
const BLOCKED_AUTH_PATHS = [/^\/api\/auth\/callback\/credentials\/?$/, /^\/api\/auth\/signin\/credentials\/?$/, /^\/api\/auth\/signout\/?$/];

export function isBlockedAuthRoute(method: string, pathname: string): boolean {
  return method.toUpperCase() === "POST" && BLOCKED_AUTH_PATHS.some((re) => re.test(pathname));
}
