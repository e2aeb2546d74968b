import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, MAX_JSON_BODY_BYTES } from "./http";
import { refusalBody, refusalFor } from "./request-gate";

const post = (pathname: string, headers: Record<string, string>) => ({ method: "POST", pathname, headers: new Headers(headers) });
const json = { "content-type": "application/json" };

describe("refusalFor (proxy.ts and the node:http tRPC handler)", () => {
  it.each([
    ["next-auth's own credentials callback", post("/api/auth/callback/credentials", json), 404],
    ["a cross-site form post", post("/api/trpc/project.create", { "content-type": "text/plain", "sec-fetch-site": "cross-site" }), 403],
    ["a same-origin form post", post("/api/trpc/project.create", { "content-type": "text/plain", "sec-fetch-site": "same-origin" }), 415],
    ["a declared body over the limit", post("/api/trpc/project.create", { ...json, "content-length": String(MAX_JSON_BODY_BYTES + 1) }), 413],
    ["a large sensor batch (exempt)", post("/api/v1/telemetry", { ...json, "content-length": String(MAX_JSON_BODY_BYTES + 1) }), null],
    ["a same-origin JSON write", post("/api/trpc/project.create", { ...json, "sec-fetch-site": "same-origin" }), null],
  ])("%s", (_name, request, status) => {
    expect(refusalFor(request)?.status ?? null).toBe(status);
  });

  it("puts the request id in the error body", () => {
    const refusal = refusalFor(post("/api/trpc/x", { "content-type": "text/plain" }));
    expect(refusal && refusalBody(refusal, "req-12345678")).toEqual({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.any(String), requestId: "req-12345678" } });
  });
});

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());
  const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" });

  it("takes the first X-Forwarded-For entry, else the socket address, else 'direct'", () => {
    expect(clientAddress(headers, "10.0.0.1")).toBe("203.0.113.7");
    expect(clientAddress(new Headers(), "192.0.2.4")).toBe("192.0.2.4");
    expect(clientAddress(new Headers())).toBe("direct");
  });

  it("ignores forwarding headers with TRUST_PROXY=false", () => {
    vi.stubEnv("TRUST_PROXY", "false");
    expect(clientAddress(headers, "192.0.2.4")).toBe("192.0.2.4");
  });
});
