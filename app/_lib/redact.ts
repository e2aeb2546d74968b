// Masks secrets (tokens, passwords, cookies, Authorization) out of recorded requests before anyone can see or copy them.

export interface FailedRequest {
  id: string;
  /** ISO timestamp of when the request started. */
  at: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  /** null when no response arrived at all (network error, CORS, abort, timeout). */
  status: number | null;
  statusText: string;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

export const MASK = "[masked]";

const SENSITIVE_WORD = String.raw`pass(?:word)?|secret|token|authorization|cookie|api[-_]?key|session`;
const SENSITIVE_KEY = new RegExp(SENSITIVE_WORD, "i");
// Free text has no structure, so "key: value" / "key=value" pairs are found by shape; this also covers truncated JSON.
const KEY_VALUE = new RegExp(
  String.raw`(["']?)([\w.-]*(?:${SENSITIVE_WORD})[\w.-]*)\1(\s*[:=]\s*)(?:("(?:[^"\\]|\\.)*(?:"|$))|('[^']*(?:'|$))|(?:bearer\s+)?[^\s"'&,;}\]]+)`,
  "gi",
);
const BEARER = /\b(bearer)\s+[\w\-.~+/]+=*/gi;
const ETP_TOKEN = /\betp_[\w-]+/g;
const JWT = /\beyJ[\w-]*\.[\w-]+\.[\w-]*/g;
const USERINFO = /^([a-z][\w+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i;
const FORM_LIKE = /^[\w.%[\]-]+=[^\s&]*(?:&[\w.%[\]-]+=[^\s&]*)*$/;
const MAX_DEPTH = 64;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** Token shapes that are secret wherever they appear, even inside URL paths. */
function maskTokens(text: string): string {
  return text.replace(BEARER, `$1 ${MASK}`).replace(ETP_TOKEN, MASK).replace(JWT, MASK);
}

export function maskText(text: string): string {
  const pairsMasked = text.replace(KEY_VALUE, (_match, quote: string, key: string, separator: string, doubleQuoted?: string, singleQuoted?: string) => {
    const value = doubleQuoted ? `"${MASK}"` : singleQuoted ? `'${MASK}'` : MASK;
    return `${quote}${key}${quote}${separator}${value}`;
  });
  return maskTokens(pairsMasked);
}

export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isSensitiveKey(name) ? MASK : maskText(value)]));
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return part;
  }
}

/** Masks `a=b&c=d` (query strings, fragments, form bodies) while keeping the untouched pairs byte-for-byte. */
function maskPairs(pairs: string): string {
  return pairs
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      if (equals < 0) return maskTokens(pair);
      const key = pair.slice(0, equals);
      if (isSensitiveKey(decode(key))) return `${key}=${MASK}`;
      const value = decode(pair.slice(equals + 1));
      const masked = maskValue(value);
      return masked === value ? pair : `${key}=${encodeURIComponent(masked).replaceAll(encodeURIComponent(MASK), MASK)}`;
    })
    .join("&");
}

/** A query or form value may itself be JSON (tRPC GET `input=`), so it gets the body treatment. */
function maskValue(value: string): string {
  return /^\s*[[{]/.test(value) ? maskBody(value, "application/json") : maskText(value);
}

export function maskUrl(url: string): string {
  const hashAt = url.indexOf("#");
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const maskedPath = maskTokens(path.replace(USERINFO, `$1:${MASK}@`));
  const query = queryAt < 0 ? "" : `?${maskPairs(beforeHash.slice(queryAt + 1))}`;
  // Fragments carry tokens too (OAuth implicit flow: #access_token=…).
  const hash = hashAt < 0 ? "" : `#${maskPairs(url.slice(hashAt + 1))}`;
  return maskedPath + query + hash;
}

/** The query parameters, decoded and masked, in order, for showing one per line. */
export function queryParamsOf(url: string): Array<[string, string]> {
  const withoutHash = url.split("#")[0] ?? "";
  const queryAt = withoutHash.indexOf("?");
  if (queryAt < 0) return [];
  return withoutHash
    .slice(queryAt + 1)
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const key = decode(equals < 0 ? pair : pair.slice(0, equals));
      const value = equals < 0 ? "" : decode(pair.slice(equals + 1));
      return [key, isSensitiveKey(key) ? MASK : maskValue(value)];
    });
}

function maskJson(value: unknown, depth: number, parentKey: string): unknown {
  if (depth > MAX_DEPTH) return MASK;
  if (typeof value === "string") return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskJson(item, depth + 1, parentKey));
  if (value === null || typeof value !== "object") return value;
  // Under fieldErrors the keys are form field names and the values are server messages, never the secrets themselves.
  const keysAreFieldNames = parentKey === "fieldErrors";
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      // null and booleans cannot carry a secret and are useful to see ("hasPassword": true).
      const hide = !keysAreFieldNames && isSensitiveKey(key) && child !== null && typeof child !== "boolean";
      return [key, hide ? MASK : maskJson(child, depth + 1, key)];
    }),
  );
}

export function maskBody(body: string, contentType = ""): string {
  const type = contentType.toLowerCase();
  const trimmed = body.trim();
  if (type.includes("json") || /^[[{]/.test(trimmed)) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const masked = JSON.stringify(maskJson(parsed, 0, ""));
      // Untouched bodies keep their original formatting.
      return masked === JSON.stringify(parsed) ? body : masked;
    } catch {
      // Not JSON after all (or truncated): the free-text rules still catch "password":"…" pairs.
    }
  }
  if (type.includes("x-www-form-urlencoded") || (!type.includes("json") && FORM_LIKE.test(trimmed))) return maskPairs(trimmed);
  return maskText(body);
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** Idempotent, so entries may be masked when recorded and again when shown or copied. */
export function maskEntry(entry: FailedRequest): FailedRequest {
  const maskMaybe = (body: string | null, headers: Record<string, string>) =>
    body === null ? null : maskBody(body, headerValue(headers, "content-type"));
  return {
    ...entry,
    url: maskUrl(entry.url),
    requestHeaders: maskHeaders(entry.requestHeaders),
    requestBody: maskMaybe(entry.requestBody, entry.requestHeaders),
    responseHeaders: maskHeaders(entry.responseHeaders),
    responseBody: maskMaybe(entry.responseBody, entry.responseHeaders),
    error: entry.error === null ? null : maskText(entry.error),
  };
}

// The summary and report live next door to keep this file about masking; re-exported so callers have one import.
export { errorInfoOf, formatRequestReport, reportSections, summarize, type ErrorInfo, type ReportSection } from "./request-report";
