import { describe, expect, it } from "vitest";
import { checkCsrf } from "./csrf";

const ORIGIN = "http://localhost:3000";
function req(method: string, pathname: string, headers: Record<string, string>) {
  return { method, pathname, origin: ORIGIN, headers: new Headers(headers) };
}
const json = { "content-type": "application/json" };

describe("checkCsrf", () => {
  it.each([
    ["GET cross-site read", req("GET", "/api/trpc/user.me", { "sec-fetch-site": "cross-site" }), "ok"],
    ["same-origin JSON write", req("POST", "/api/trpc/project.create", { ...json, "sec-fetch-site": "same-origin" }), "ok"],
    ["non-browser JSON write without fetch metadata", req("POST", "/api/trpc/project.create", json), "ok"],
    ["same Origin header, no fetch metadata", req("POST", "/api/trpc/project.create", { ...json, origin: ORIGIN }), "ok"],
    ["cross-site form post", req("POST", "/api/trpc/project.create", { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" }), 403],
    ["cross-site JSON post", req("POST", "/api/trpc/project.create", { ...json, "sec-fetch-site": "cross-site" }), 403],
    ["same-site (sibling subdomain) post", req("POST", "/api/trpc/project.create", { ...json, "sec-fetch-site": "same-site" }), 403],
    ["foreign Origin without fetch metadata", req("POST", "/api/trpc/project.create", { ...json, origin: "https://evil.example" }), 403],
    ["same-origin form post to tRPC", req("POST", "/api/trpc/project.create", { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }), 415],
    ["same-origin text/plain to sign-in", req("POST", "/api/auth/sign-in", { "content-type": "text/plain", "sec-fetch-site": "same-origin" }), 415],
    ["cross-site form post to next-auth", req("POST", "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" }), 403],
    ["sensor ingest from anywhere", req("POST", "/api/v1/telemetry", { ...json, "sec-fetch-site": "cross-site" }), "ok"],
    ["page form post (not /api)", req("POST", "/settings", { "sec-fetch-site": "cross-site" }), "ok"],
  ])("%s", (_name, request, expected) => {
    const verdict = checkCsrf(request);
    expect(verdict.ok ? "ok" : verdict.status).toBe(expected);
  });
});
