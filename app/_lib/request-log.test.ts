// Retries of one failing request must show as one toast with a count, not as a stack of identical toasts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { dismiss, getSnapshot, reportFailedRequest, subscribe, type FailedRequestInput } from "./request-log";

const URL_ME = "http://localhost:3000/api/trpc/user.me?input=%7B%7D";

/** A tRPC 500 as the server sends it: every attempt carries its own request id in the body and headers. */
function serverError(requestId: string, overrides: Partial<FailedRequestInput> = {}): FailedRequestInput {
  return {
    method: "GET",
    url: URL_ME,
    status: 500,
    statusText: "Internal Server Error",
    responseHeaders: { "content-type": "application/json", "x-request-id": requestId },
    responseBody: JSON.stringify({ error: { json: { message: "Database unavailable", code: -32603, data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, requestId } } } }),
    ...overrides,
  };
}

function networkError(overrides: Partial<FailedRequestInput> = {}): FailedRequestInput {
  return { method: "GET", url: URL_ME, error: "Network error (offline, DNS, or blocked by CORS)", ...overrides };
}

afterEach(() => {
  for (const entry of getSnapshot()) dismiss(entry.id);
  vi.restoreAllMocks();
});

describe("reportFailedRequest", () => {
  it("adds a first failure with a count of 1", () => {
    const entry = reportFailedRequest(serverError("r-1"));
    expect(getSnapshot()).toEqual([entry]);
    expect(entry.count).toBe(1);
  });

  it("folds retries of the same failure into one entry that counts them", () => {
    const first = reportFailedRequest(serverError("r-1", { durationMs: 10 }));
    reportFailedRequest(serverError("r-2", { durationMs: 20 }));
    const last = reportFailedRequest(serverError("r-3", { durationMs: 30 }));

    expect(getSnapshot()).toHaveLength(1);
    expect(getSnapshot()[0]).toBe(last);
    expect(last.count).toBe(3);
    // Same id: the toast stays mounted (open details, focus) while its content updates.
    expect(last.id).toBe(first.id);
  });

  it("keeps the latest attempt's details", () => {
    reportFailedRequest(serverError("r-1", { at: "2025-03-01T10:00:00.000Z", durationMs: 10 }));
    const last = reportFailedRequest(serverError("r-2", { at: "2025-03-01T10:00:03.000Z", durationMs: 42 }));
    expect(last.at).toBe("2025-03-01T10:00:03.000Z");
    expect(last.durationMs).toBe(42);
    expect(last.responseHeaders["x-request-id"]).toBe("r-2");
    expect(last.responseBody).toContain('"requestId":"r-2"');
  });

  it("still masks the details it keeps", () => {
    reportFailedRequest(serverError("r-1", { requestHeaders: { authorization: "Bearer first-secret" } }));
    const last = reportFailedRequest(serverError("r-2", { requestHeaders: { authorization: "Bearer second-secret" } }));
    expect(last.count).toBe(2);
    expect(last.requestHeaders.authorization).toBe("[masked]");
  });

  it("folds repeated network errors with the same message", () => {
    reportFailedRequest(networkError());
    const last = reportFailedRequest(networkError());
    expect(getSnapshot()).toHaveLength(1);
    expect(last.count).toBe(2);
  });

  it("treats the method case-insensitively, as it is stored upper-case", () => {
    reportFailedRequest(serverError("r-1", { method: "get" }));
    expect(reportFailedRequest(serverError("r-2")).count).toBe(2);
  });

  it.each<[string, FailedRequestInput]>([
    ["another method", serverError("r-2", { method: "POST" })],
    ["another URL", serverError("r-2", { url: "http://localhost:3000/api/trpc/project.list" })],
    ["another query string (another input)", serverError("r-2", { url: "http://localhost:3000/api/trpc/user.me?input=%7B%22a%22%3A1%7D" })],
    ["another status", serverError("r-2", { status: 502, statusText: "Bad Gateway" })],
    [
      "another error message",
      serverError("r-2", {
        responseBody: JSON.stringify({ error: { json: { message: "Disk full", data: { code: "INTERNAL_SERVER_ERROR", requestId: "r-2" } } } }),
      }),
    ],
    ["no response instead of a 500", networkError()],
  ])("keeps a failure with %s as its own toast", (_label, other) => {
    const first = reportFailedRequest(serverError("r-1"));
    const second = reportFailedRequest(other);
    expect(getSnapshot()).toEqual([first, second]);
    expect(second.id).not.toBe(first.id);
    expect(first.count).toBe(1);
    expect(second.count).toBe(1);
  });

  it("keeps network errors with different messages apart", () => {
    reportFailedRequest(networkError());
    reportFailedRequest(networkError({ error: "Request aborted or timed out" }));
    expect(getSnapshot().map((entry) => entry.count)).toEqual([1, 1]);
  });

  it("updates a repeated toast in place, without moving it in the stack", () => {
    const a = reportFailedRequest(serverError("r-1"));
    const b = reportFailedRequest(networkError({ url: "http://localhost:3000/api/trpc/audit.list" }));
    const repeatedA = reportFailedRequest(serverError("r-2"));
    expect(getSnapshot().map((entry) => entry.id)).toEqual([a.id, b.id]);
    expect(getSnapshot()[0]).toBe(repeatedA);
    expect(getSnapshot()[1]).toBe(b);
  });

  it("publishes a new snapshot on a repeat and leaves the old one untouched", () => {
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    try {
      reportFailedRequest(serverError("r-1"));
      const before = getSnapshot();
      reportFailedRequest(serverError("r-2"));
      const after = getSnapshot();
      expect(listener).toHaveBeenCalledTimes(2);
      expect(after).not.toBe(before);
      expect(before[0]?.count).toBe(1);
      expect(after[0]?.count).toBe(2);
    } finally {
      unsubscribe();
    }
  });

  it("starts a fresh toast once the repeated one was dismissed", () => {
    const first = reportFailedRequest(serverError("r-1"));
    reportFailedRequest(serverError("r-2"));
    dismiss(first.id);
    expect(getSnapshot()).toEqual([]);

    const again = reportFailedRequest(serverError("r-3"));
    expect(again.count).toBe(1);
    expect(again.id).not.toBe(first.id);
    expect(getSnapshot()).toEqual([again]);
  });

  it("counts repeats without pushing other toasts out of the five on screen", () => {
    const urls = ["a", "b", "c", "d", "e"].map((name) => `http://localhost:3000/api/trpc/${name}`);
    for (const url of urls) reportFailedRequest(serverError("r-1", { url }));
    for (let attempt = 0; attempt < 3; attempt += 1) reportFailedRequest(serverError(`r-${attempt + 2}`, { url: urls[0] }));
    expect(getSnapshot().map((entry) => [entry.url, entry.count])).toEqual([
      [urls[0], 4],
      [urls[1], 1],
      [urls[2], 1],
      [urls[3], 1],
      [urls[4], 1],
    ]);
  });

  it("drops the oldest toast when a sixth different failure arrives", () => {
    const urls = ["a", "b", "c", "d", "e", "f"].map((name) => `http://localhost:3000/api/trpc/${name}`);
    for (const url of urls) reportFailedRequest(serverError("r-1", { url }));
    expect(getSnapshot().map((entry) => entry.url)).toEqual(urls.slice(1));
  });
});

describe("dismiss", () => {
  it("removes only the given toast and ignores unknown ids", () => {
    const a = reportFailedRequest(serverError("r-1"));
    const b = reportFailedRequest(networkError());
    const listener = vi.fn();
    const unsubscribe = subscribe(listener);
    try {
      dismiss("req-unknown");
      expect(listener).not.toHaveBeenCalled();
      dismiss(a.id);
      expect(getSnapshot()).toEqual([b]);
      expect(listener).toHaveBeenCalledTimes(1);
    } finally {
      unsubscribe();
    }
  });
});
