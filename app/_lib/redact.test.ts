// Secrets must never reach a toast or the clipboard: these pin the exact masked output for every place they can hide.
import { describe, expect, it } from "vitest";
import { formatRequestReport, maskBody, maskEntry, maskHeaders, maskText, maskUrl, queryParamsOf, summarize, type FailedRequest } from "./redact";

const M = "[masked]";

function entry(overrides: Partial<FailedRequest> = {}): FailedRequest {
  return {
    id: "req-1",
    at: "2025-03-01T10:00:00.000Z",
    method: "POST",
    url: "http://localhost:3000/api/trpc/project.update",
    requestHeaders: { "content-type": "application/json" },
    requestBody: '{"json":{"id":"p1"}}',
    status: 403,
    statusText: "Forbidden",
    responseHeaders: { "content-type": "application/json" },
    responseBody: null,
    error: null,
    durationMs: 12,
    ...overrides,
  };
}

const trpcError = (message: string, code: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ error: { json: { message, code: -32603, data: { code, httpStatus: 403, requestId: "req-abc", ...extra } } } });

describe("maskHeaders", () => {
  it.each([
    [{ Authorization: "Bearer abc.def" }, { Authorization: M }],
    [{ authorization: "Basic dXNlcjpwYXNz" }, { authorization: M }],
    [{ AUTHORIZATION: "token" }, { AUTHORIZATION: M }],
    [{ Cookie: "sid=1; theme=dark" }, { Cookie: M }],
    [{ "Set-Cookie": "sid=1; HttpOnly" }, { "Set-Cookie": M }],
    [{ "x-api-key": "k-123" }, { "x-api-key": M }],
    [{ "X-Api_Key": "k-123" }, { "X-Api_Key": M }],
    [{ "x-csrf-token": "t" }, { "x-csrf-token": M }],
    [{ "content-type": "application/json", "x-request-id": "r-1" }, { "content-type": "application/json", "x-request-id": "r-1" }],
    [{ "x-note": "sent Bearer abc.def" }, { "x-note": `sent Bearer ${M}` }],
  ])("%j -> %j", (input, expected) => {
    expect(maskHeaders(input)).toEqual(expected);
  });
});

describe("maskUrl", () => {
  const trpcInput = encodeURIComponent(JSON.stringify({ json: { id: "p1", token: "s3cret" } }));
  it.each([
    ["/api/x?token=abc&page=2", `/api/x?token=${M}&page=2`],
    ["https://h.test/x?Password=p&q=a%20b", `https://h.test/x?Password=${M}&q=a%20b`],
    ["/x?api_key=1&apiKey=2&session=3&page=4", `/x?api_key=${M}&apiKey=${M}&session=${M}&page=4`],
    ["/x?page=2&sort=name", "/x?page=2&sort=name"],
    ["/api/trpc/project.list", "/api/trpc/project.list"],
    ["https://user:hunter2@h.test/x", `https://user:${M}@h.test/x`],
    ["/callback#access_token=abc&state=xyz", `/callback#access_token=${M}&state=xyz`],
    ["/invite/etp_AbCdEf123456?x=1", `/invite/${M}?x=1`],
    [`/api/trpc/p.get?input=${trpcInput}`, `/api/trpc/p.get?input=${encodeURIComponent('{"json":{"id":"p1","token":"[masked]"}}').replaceAll("%5Bmasked%5D", M)}`],
  ])("%s", (input, expected) => {
    expect(maskUrl(input)).toBe(expected);
  });

  it("lists query params decoded and masked, one pair each", () => {
    expect(queryParamsOf(`/x?token=abc&page=2&q=a%20b&input=${trpcInput}#frag`)).toEqual([
      ["token", M],
      ["page", "2"],
      ["q", "a b"],
      ["input", '{"json":{"id":"p1","token":"[masked]"}}'],
    ]);
  });
});

describe("maskBody", () => {
  it.each([
    [
      "nested password fields",
      { email: "a@b.c", password: "p1", change: { currentPassword: "c1", newPassword: "n1" } },
      { email: "a@b.c", password: M, change: { currentPassword: M, newPassword: M } },
    ],
    ["token at depth", { a: { b: { c: { token: "t1", keep: 1 } } } }, { a: { b: { c: { token: M, keep: 1 } } } }],
    ["arrays of objects", [{ token: "t1", name: "a" }, { apiKey: "k2", name: "b" }], [{ token: M, name: "a" }, { apiKey: M, name: "b" }]],
    ["superjson-wrapped", { json: { email: "a@b.c", password: "p1" }, meta: { values: { at: ["Date"] } } }, { json: { email: "a@b.c", password: M }, meta: { values: { at: ["Date"] } } }],
    ["tRPC batch", { 0: { json: { currentPassword: "c1", newPassword: "n1" } } }, { 0: { json: { currentPassword: M, newPassword: M } } }],
    ["objects under a secret key", { session: { user: "u", expires: 1 } }, { session: M }],
    ["null and booleans carry nothing", { password: null, rememberSession: true }, { password: null, rememberSession: true }],
    ["field error messages stay readable", { error: { data: { fieldErrors: { password: ["Too short"] } } } }, { error: { data: { fieldErrors: { password: ["Too short"] } } } }],
    ["tokens inside string values", { note: "sent Bearer abc.def", key: "etp_XXXXXXXX" }, { note: `sent Bearer ${M}`, key: M }],
  ])("JSON: %s", (_name, input, expected) => {
    expect(JSON.parse(maskBody(JSON.stringify(input), "application/json"))).toEqual(expected);
  });

  it("keeps an untouched JSON body byte-for-byte", () => {
    const body = '{ "name": "Run 1",\n  "tags": ["a"] }';
    expect(maskBody(body, "application/json")).toBe(body);
  });

  it.each([
    ["email=a&password=b", "application/x-www-form-urlencoded", `email=a&password=${M}`],
    ["email=a&password=b", undefined, `email=a&password=${M}`],
    ["email=a%40b.c&token=x&next=%2Fhome", "application/x-www-form-urlencoded;charset=UTF-8", `email=a%40b.c&token=${M}&next=%2Fhome`],
  ])("form: %s (%s)", (body, type, expected) => {
    expect(maskBody(body, type)).toBe(expected);
  });

  it.each([
    ["Authorization failed for Bearer abc.def", `Authorization failed for Bearer ${M}`],
    ["use etp_XXXXXXXX to sign in", `use ${M} to sign in`],
    ["both: bearer abc.def-ghi and etp_a1B2_c3", `both: bearer ${M} and ${M}`],
    ["Authorization: Bearer abc.def", `Authorization: ${M}`],
    ["password=hunter2 then session: abc", `password=${M} then session: ${M}`],
    ['{"password":"abc\\"d","x":1,"token":"cut off', `{"password":"${M}","x":1,"token":"${M}"`],
    ["jwt eyJhbGciOi.eyJzdWIi.c2ln here", `jwt ${M} here`],
    ["Your role (viewer) does not allow this.", "Your role (viewer) does not allow this."],
  ])("text: %s", (text, expected) => {
    expect(maskBody(text, "text/plain")).toBe(expected);
    expect(maskText(text)).toBe(expected);
  });
});

describe("summarize", () => {
  it.each([
    ["tRPC superjson error", entry({ responseBody: trpcError("Your role (viewer) does not allow this.", "FORBIDDEN") }), "403 FORBIDDEN · POST /api/trpc/project.update — Your role (viewer) does not allow this."],
    [
      "batched tRPC error",
      entry({ status: 404, responseBody: `[${trpcError("Project not found.", "NOT_FOUND")}]` }),
      "404 NOT_FOUND · POST /api/trpc/project.update — Project not found.",
    ],
    [
      "route handler error",
      entry({ url: "http://localhost:3000/api/auth/sign-in", status: 401, responseBody: JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Wrong email or password.", requestId: "r1" } }) }),
      "401 UNAUTHENTICATED · POST /api/auth/sign-in — Wrong email or password.",
    ],
    ["raw text fallback", entry({ status: 500, statusText: "Internal Server Error", responseBody: "boom\n  at line 3" }), "500 Internal Server Error · POST /api/trpc/project.update — boom at line 3"],
    ["HTML page title", entry({ status: 502, statusText: "Bad Gateway", responseBody: "<html><title>502 Bad Gateway</title></html>" }), "502 Bad Gateway · POST /api/trpc/project.update — 502 Bad Gateway"],
    [
      "network error to another origin",
      entry({ url: "https://api.example.test/v1/x?token=abc", status: null, statusText: "", error: "Network error (offline, DNS, or blocked by CORS)" }),
      "No response · POST api.example.test/v1/x — Network error (offline, DNS, or blocked by CORS)",
    ],
    ["secrets in the message", entry({ status: 400, responseBody: trpcError("Bad header Bearer abc.def", "BAD_REQUEST") }), `400 BAD_REQUEST · POST /api/trpc/project.update — Bad header Bearer ${M}`],
  ])("%s", (_name, failed, expected) => {
    expect(summarize(failed, "http://localhost:3000")).toBe(expected);
  });

  it("cuts long messages to one short line", () => {
    const summary = summarize(entry({ responseBody: trpcError("x".repeat(500), "FORBIDDEN") }), "http://localhost:3000");
    expect(summary).toBe(`403 FORBIDDEN · POST /api/trpc/project.update — ${"x".repeat(139)}…`);
  });
});

describe("formatRequestReport", () => {
  const secrets = ["hunter2", "sekrit-bearer", "sid-cookie", "etp_LEAKED99", "s3t-cookie", "reset-tok", "key-123"];
  const failed = entry({
    url: "http://localhost:3000/api/trpc/account.changePassword?token=reset-tok&page=2",
    requestHeaders: { "content-type": "application/json", authorization: "Bearer sekrit-bearer", cookie: "sid=sid-cookie", "x-api-key": "key-123", "x-request-id": "client-1" },
    requestBody: JSON.stringify({ json: { currentPassword: "hunter2", newPassword: "hunter2", items: [{ token: "etp_LEAKED99" }] } }),
    responseHeaders: { "content-type": "application/json", "x-request-id": "req-abc", traceparent: "00-4bf92f-00f067-01", "x-trace-id": "trace-9", "set-cookie": "s=s3t-cookie" },
    responseBody: trpcError("Your role (viewer) does not allow this. Seen etp_LEAKED99", "FORBIDDEN"),
  });
  const report = formatRequestReport(failed, "http://localhost:3000");

  it("starts with the summary and has every section", () => {
    expect(report.split("\n")[0]).toBe(`403 FORBIDDEN · POST /api/trpc/account.changePassword — Your role (viewer) does not allow this. Seen ${M}`);
    for (const label of ["Request:", "Query params:", "Request headers:", "Request body:", "Response:", "Response body:", "Correlation ids:"]) {
      expect(report).toContain(`\n${label}\n`);
    }
  });

  it.each([
    `  POST http://localhost:3000/api/trpc/account.changePassword?token=${M}&page=2`,
    `  token = ${M}`,
    "  page = 2",
    `  authorization: ${M}`,
    `  cookie: ${M}`,
    `  x-api-key: ${M}`,
    `  {"json":{"currentPassword":"${M}","newPassword":"${M}","items":[{"token":"${M}"}]}}`,
    "  Status: 403 Forbidden",
    "  traceparent: 00-4bf92f-00f067-01 (response)",
    "  x-trace-id: trace-9 (response)",
    "  x-request-id: req-abc (response)",
    "  x-request-id: client-1 (request)",
  ])("contains %s", (line) => {
    expect(report.split("\n")).toContain(line);
  });

  it.each(secrets)("never contains %s", (secret) => {
    expect(report).not.toContain(secret);
  });

  it("says when nothing arrived", () => {
    const offline = formatRequestReport(entry({ status: null, statusText: "", error: "Request aborted or timed out", requestBody: null }));
    expect(offline).toContain("Response:\n  No response: Request aborted or timed out");
    expect(offline).toContain("Request body:\n  (none)");
    expect(offline).toContain("Correlation ids:\n  (none)");
  });

  it("masks idempotently", () => {
    expect(maskEntry(maskEntry(failed))).toEqual(maskEntry(failed));
  });
});
