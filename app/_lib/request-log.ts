// Watches window.fetch for failed requests and keeps the (already masked) failures in a tiny store the error toaster reads.
// No "use client" directive on purpose: this is a plain module imported by client components, not a component boundary.
import { maskEntry, summarize, type FailedRequest } from "./redact";

export type { FailedRequest } from "./redact";
/** One toast: the latest attempt's details, and how many identical failures in a row it stands for (1 for a single one). */
export interface LoggedFailure extends FailedRequest {
  count: number;
}
export type FailedRequestInput = Pick<FailedRequest, "method" | "url"> & Partial<Omit<FailedRequest, "method" | "url">>;

// Newest failures matter most; a retry storm must not bury the page under toasts.
const MAX_ENTRIES = 5;
// Error bodies are small; anything huge (an HTML stack page) is cut so the toast and the clipboard stay usable.
const MAX_BODY_CHARS = 20_000;
// Symbol.for survives hot reloads that re-evaluate this module, so fetch is never wrapped twice.
const INSTALLED = Symbol.for("etp.fetchTracking");
const EMPTY: readonly LoggedFailure[] = [];

let entries: readonly LoggedFailure[] = EMPTY;
let sequence = 0;
const listeners = new Set<() => void>();

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): readonly LoggedFailure[] {
  return entries;
}

/** The server never has failures to show; a constant keeps hydration stable. */
export function getServerSnapshot(): readonly LoggedFailure[] {
  return EMPTY;
}

function publish(next: readonly LoggedFailure[]): void {
  entries = next;
  for (const listener of listeners) listener();
}

export function dismiss(id: string): void {
  if (entries.some((entry) => entry.id === id)) publish(entries.filter((entry) => entry.id !== id));
}

function clip(text: string | null): string | null {
  if (text === null || text.length <= MAX_BODY_CHARS) return text;
  return `${text.slice(0, MAX_BODY_CHARS)}\n… [truncated ${text.length - MAX_BODY_CHARS} chars]`;
}

/**
 * React Query retries a query failing with a 5xx or a network error, so one problem arrives several times: same method, URL
 * and status, and the same message in the summary (the bodies differ, if only by their request id).
 */
function isRepeatOf(shown: FailedRequest, next: FailedRequest): boolean {
  return shown.method === next.method && shown.url === next.url && shown.status === next.status && summarize(shown) === summarize(next);
}

/**
 * For code that fails without going through fetch (sockets, XHR, workers): pushes a toast like a failed fetch would.
 * A repeat of a failure still on screen updates that toast instead (latest details, count + 1), keeping its id and place.
 */
export function reportFailedRequest(input: FailedRequestInput): LoggedFailure {
  sequence += 1;
  const masked = maskEntry({
    id: `req-${Date.now().toString(36)}-${sequence}`,
    at: new Date().toISOString(),
    requestHeaders: {},
    requestBody: null,
    status: null,
    statusText: "",
    responseHeaders: {},
    responseBody: null,
    error: null,
    durationMs: 0,
    ...input,
    method: input.method.toUpperCase(),
  });
  // Masking happens before clipping so JSON bodies are still parseable while secrets are found.
  const entry = { ...masked, requestBody: clip(masked.requestBody), responseBody: clip(masked.responseBody) };
  const shown = entries.find((existing) => isRepeatOf(existing, entry));
  if (shown) {
    const repeated = { ...entry, id: shown.id, count: shown.count + 1 };
    publish(entries.map((existing) => (existing === shown ? repeated : existing)));
    return repeated;
  }
  const first = { ...entry, count: 1 };
  publish([...entries, first].slice(-MAX_ENTRIES));
  return first;
}

interface RequestRecord {
  started: number;
  request: Pick<FailedRequest, "at" | "method" | "url" | "requestHeaders" | "requestBody">;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function bodyOf(input: RequestInfo | URL, init: RequestInit | undefined): string | null {
  const body = init?.body ?? (input instanceof Request ? input.body : null);
  if (body === null) return null;
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  return "[binary body]";
}

/** Next.js' own traffic (RSC payloads, prefetches, HMR, the dev overlay) is not the app's requests. */
function isNextInternal(url: URL, headers: Headers): boolean {
  return headers.has("rsc") || url.searchParams.has("_rsc") || url.pathname.startsWith("/_next/") || url.pathname.startsWith("/__nextjs");
}

/** Returns null for requests that should not be tracked. Never throws: a bad input must still reach the real fetch. */
function describe(input: RequestInfo | URL, init: RequestInit | undefined): RequestRecord | null {
  try {
    const isRequest = input instanceof Request;
    const rawUrl = isRequest ? input.url : String(input);
    // init.headers replaces a Request's headers entirely, as fetch itself does.
    const headers = new Headers(init?.headers ?? (isRequest ? input.headers : undefined));
    const url = new URL(rawUrl, window.location.href);
    if (isNextInternal(url, headers)) return null;
    const requestHeaders = headersToRecord(headers);
    const body = init?.body;
    if (body instanceof URLSearchParams && !headers.has("content-type")) requestHeaders["content-type"] = "application/x-www-form-urlencoded";
    const method = (init?.method ?? (isRequest ? input.method : "GET")).toUpperCase();
    const request = { at: new Date().toISOString(), method, url: url.href, requestHeaders, requestBody: bodyOf(input, init) };
    return { started: performance.now(), request };
  } catch {
    // Unparseable input: fetch will reject it, and that failure still deserves a toast.
    const method = typeof init?.method === "string" ? init.method.toUpperCase() : "GET";
    return { started: performance.now(), request: { at: new Date().toISOString(), method, url: safeString(input), requestHeaders: {}, requestBody: null } };
  }
}

function safeString(value: unknown): string {
  try {
    return value instanceof Request ? value.url : String(value);
  } catch {
    return "[unprintable url]";
  }
}

function describeRejection(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  if (name === "AbortError" || name === "TimeoutError") return "Request aborted or timed out";
  if (error instanceof TypeError) return "Network error (offline, DNS, or blocked by CORS)";
  return error instanceof Error ? error.message : String(error);
}

/** Tracking must never change what the caller sees, so its own failures are swallowed. */
function safely(track: () => void): void {
  try {
    track();
  } catch {
    // A broken toast is better than a broken request.
  }
}

function recordResponse({ started, request }: RequestRecord, response: Response): void {
  const failure = {
    ...request,
    status: response.status,
    statusText: response.statusText,
    responseHeaders: headersToRecord(response.headers),
    durationMs: performance.now() - started,
  };
  // Cloned before the caller gets the response, so its body stays unread for them.
  const copy = response.clone();
  copy.text().then(
    (text) => safely(() => reportFailedRequest({ ...failure, responseBody: text })),
    () => safely(() => reportFailedRequest({ ...failure, responseBody: "[unreadable body]" })),
  );
}

export function installFetchTracking(): void {
  if (typeof window === "undefined" || Reflect.get(window, INSTALLED) === true) return;
  Object.defineProperty(window, INSTALLED, { value: true });
  const originalFetch = window.fetch;

  async function trackedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const record = describe(input, init);
    if (!record) return originalFetch.call(window, input, init);
    let response: Response;
    try {
      response = await originalFetch.call(window, input, init);
    } catch (error) {
      const durationMs = performance.now() - record.started;
      safely(() => reportFailedRequest({ ...record.request, durationMs, error: describeRejection(error) }));
      throw error;
    }
    // Opaque responses (no-cors, manual redirects) have status 0 by design; they are not failures.
    if (!response.ok && response.type !== "opaque" && response.type !== "opaqueredirect") safely(() => recordResponse(record, response));
    return response;
  }

  window.fetch = trackedFetch;
}
