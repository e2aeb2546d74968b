import { describe, expect, it } from "vitest";
import { checkCsrf, isBlockedAuthRoute } from "./csrf";

const ORIGIN = "http://lab.example.org:3000";
function req(method: string, pathname: string, headers: Record<string, string>) {
  return { method, pathname, headers: new Headers({ host: "lab.example.org:3000", ...headers }) };
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
    ["cross-site post to the cookie-authenticated CSV import", req("POST", "/api/v1/telemetry/import", { "content-type": "text/csv", "sec-fetch-site": "cross-site" }), 403],
    ["same-origin CSV import", req("POST", "/api/v1/telemetry/import", { "content-type": "text/csv", "sec-fetch-site": "same-origin" }), "ok"],
    ["page form post (not /api)", req("POST", "/settings", { "sec-fetch-site": "cross-site" }), "ok"],
    ["plain-http LAN host: Origin matches Host", req("POST", "/api/auth/sign-in", { ...json, origin: ORIGIN }), "ok"],
    ["behind a proxy: Origin matches X-Forwarded-Host", req("POST", "/api/trpc/project.create", { ...json, host: "127.0.0.1:3000", "x-forwarded-host": "lab.example.org:3000", origin: ORIGIN }), "ok"],
    ["Origin with another port", req("POST", "/api/trpc/project.create", { ...json, origin: "http://lab.example.org:4000" }), 403],
    ["malformed Origin", req("POST", "/api/trpc/project.create", { ...json, origin: "null" }), 403],
  ])("%s", (_name, request, expected) => {
    const verdict = checkCsrf(request);
    expect(verdict.ok ? "ok" : verdict.status).toBe(expected);
  });
});

describe("isBlockedAuthRoute", () => {
  it.each([
    ["POST", "/api/auth/callback/credentials", true],
    ["POST", "/api/auth/signin/credentials", true],
    ["POST", "/api/auth/signout", true],
    ["GET", "/api/auth/signout", false],
    ["POST", "/api/auth/sign-in", false],
    ["POST", "/api/auth/sign-out", false],
    ["GET", "/api/auth/callback/oidc", false],
    ["POST", "/api/auth/callback/oidc", false],
    ["GET", "/api/auth/session", false],
  ])("%s %s → %s", (method, path, blocked) => {
    expect(isBlockedAuthRoute(method, path)).toBe(blocked);
  });
});
