// Turns a failed request into the toast's one-line summary and the sectioned, copyable report; everything goes through the mask first.
import { headerValue, maskEntry, queryParamsOf, type FailedRequest } from "./redact";

export interface ErrorInfo {
  code?: string;
  message?: string;
  requestId?: string;
}

export interface ReportSection {
  label: string;
  lines: string[];
}

const CORRELATION_HEADERS = ["traceparent", "x-trace-id", "x-request-id"] as const;
const SHOWN_RESPONSE_HEADERS = ["content-type", "retry-after"] as const;
const SUMMARY_MESSAGE_MAX = 140;
const RELATIVE_BASE = "http://relative.invalid";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Reads both error bodies the server sends: tRPC's (superjson-wrapped, possibly batched) and plain route handlers'. */
export function errorInfoOf(body: string | null): ErrorInfo {
  if (!body) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  const root = isRecord(first) ? first : {};
  const error = isRecord(root.error) ? root.error : undefined;
  if (!error) return { message: stringOf(root.message) };
  const shape = isRecord(error.json) ? error.json : error;
  const data = isRecord(shape.data) ? shape.data : {};
  return {
    // tRPC's top-level code is the JSON-RPC number; the readable one lives in data.
    code: stringOf(data.code) ?? stringOf(shape.code),
    message: stringOf(shape.message),
    requestId: stringOf(data.requestId) ?? stringOf(shape.requestId),
  };
}

/** Raw text is the fallback, except HTML error pages from proxies, where only the <title> says anything. */
function plainMessageOf(body: string | null): string | undefined {
  if (!body?.trim()) return undefined;
  if (!/^\s*</.test(body)) return body;
  return /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim() || undefined;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The host only matters when the request left the page's origin (that is where CORS failures live). */
function pathOf(url: string, pageOrigin?: string): string {
  try {
    const parsed = new URL(url, RELATIVE_BASE);
    const sameOrigin = parsed.origin === RELATIVE_BASE || parsed.origin === pageOrigin;
    return (sameOrigin ? "" : parsed.host) + parsed.pathname;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}

export function summarize(entry: FailedRequest, pageOrigin?: string): string {
  const masked = maskEntry(entry);
  const info = errorInfoOf(masked.responseBody);
  const head = masked.status === null ? "No response" : `${masked.status} ${info.code ?? masked.statusText}`.trim();
  const message = masked.error ?? info.message ?? plainMessageOf(masked.responseBody) ?? (masked.statusText || "Request failed");
  return `${head} · ${masked.method} ${pathOf(masked.url, pageOrigin)} — ${oneLine(message, SUMMARY_MESSAGE_MAX)}`;
}

function bodyText(body: string | null): string {
  if (body === null) return "(none)";
  return body === "" ? "(empty)" : body;
}

function responseLines(entry: FailedRequest): string[] {
  if (entry.status === null) return [`No response: ${entry.error ?? "unknown error"}`];
  const lines = [`Status: ${entry.status} ${entry.statusText}`.trim()];
  for (const name of SHOWN_RESPONSE_HEADERS) {
    const value = headerValue(entry.responseHeaders, name);
    if (value) lines.push(`${name}: ${value}`);
  }
  if (entry.error) lines.push(`Error: ${entry.error}`);
  return lines;
}

function correlationLines(entry: FailedRequest): string[] {
  const lines: string[] = [];
  const sources = [
    ["response", entry.responseHeaders],
    ["request", entry.requestHeaders],
  ] as const;
  for (const [source, headers] of sources) {
    for (const name of CORRELATION_HEADERS) {
      const value = headerValue(headers, name);
      if (value) lines.push(`${name}: ${value} (${source})`);
    }
  }
  // tRPC puts the request id in the error body; only worth a line when no header already carried it.
  const bodyId = errorInfoOf(entry.responseBody).requestId;
  if (bodyId && !lines.some((line) => line.includes(bodyId))) lines.push(`requestId: ${bodyId} (response body)`);
  return lines.length > 0 ? lines : ["(none)"];
}

export function reportSections(entry: FailedRequest): ReportSection[] {
  const masked = maskEntry(entry);
  const params = queryParamsOf(masked.url);
  const headers = Object.entries(masked.requestHeaders);
  return [
    { label: "Request", lines: [`${masked.method} ${masked.url}`, `Started: ${masked.at}`, `Duration: ${Math.round(masked.durationMs)} ms`] },
    { label: "Query params", lines: params.length > 0 ? params.map(([key, value]) => `${key} = ${value}`) : ["(none)"] },
    { label: "Request headers", lines: headers.length > 0 ? headers.map(([name, value]) => `${name}: ${value}`) : ["(none set by the caller)"] },
    { label: "Request body", lines: [bodyText(masked.requestBody)] },
    { label: "Response", lines: responseLines(masked) },
    { label: "Response body", lines: [bodyText(masked.responseBody)] },
    { label: "Correlation ids", lines: correlationLines(masked) },
  ];
}

export function formatRequestReport(entry: FailedRequest, pageOrigin?: string): string {
  const sections = reportSections(entry).map(({ label, lines }) => {
    const indented = lines.join("\n").split("\n").map((line) => `  ${line}`);
    return `${label}:\n${indented.join("\n")}`;
  });
  return [summarize(entry, pageOrigin), ...sections].join("\n\n");
}
