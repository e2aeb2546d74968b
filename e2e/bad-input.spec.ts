// Bad input against the real server: each gets a clear 4xx, never a 500.
import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./helpers";

const json = { "content-type": "application/json" };

test("sign-up with a taken email, an invalid email and a weak password shows field errors", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUp(page, "First", email);
  // Leave the portal first: its queries would answer 401 once the cookie is gone and send the page to /sign-in.
  await page.goto("about:blank");
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Second");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address");
  await expect(page.locator("#field-password-error")).toContainText("Use at least 10 characters");
  // Browser-side validation: nothing was sent, so no failed request was toasted.
  await expect(page.getByTestId("error-toast")).toHaveCount(0);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("An account with this email already exists");
  await expect(page).toHaveURL(/\/sign-up/);
});

test("the server rejects the same bad sign-up input with field errors", async ({ request }) => {
  const res = await request.post("/api/trpc/auth.signUp", {
    headers: json,
    data: { json: { name: "X", email: "nope", password: "short" } },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.json.data.fieldErrors.email).toBeDefined();
  expect(body.error.json.data.fieldErrors.password).toBeDefined();
  expect(res.headers()["x-request-id"]).toBeTruthy();
});

test("wrong password gets 401, and repeated attempts get 429 with Retry-After", async ({ request }) => {
  const email = uniqueEmail("limited");
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 0; i < 12; i++) {
    const res = await request.post("/api/auth/sign-in", { headers: json, data: { email, password: "wrong-password-1" } });
    statuses.push(res.status());
    retryAfter ??= res.headers()["retry-after"];
  }
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(statuses.slice(10)).toEqual([429, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test("an unknown project id is 404, for a signed-in user", async ({ page }) => {
  await signUp(page, "Nina", uniqueEmail("notfound"));
  const status = await page.evaluate(async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { projectId: "00000000-0000-4000-8000-000000000000" } }));
    return (await fetch(`/api/trpc/project.byId?input=${input}`)).status;
  });
  expect(status).toBe(404);
});

test("a tampered or missing session cookie gets 401", async ({ request }) => {
  const missing = await request.get("/api/trpc/user.me");
  expect(missing.status()).toBe(401);
  const tampered = await request.get("/api/trpc/user.me", { headers: { cookie: "authjs.session-token=eyJhbGciOiJkaXIifQ.tampered.value" } });
  expect(tampered.status()).toBe(401);
});

test("an oversized body gets 413", async ({ request }) => {
  const big = "x".repeat(1_100_000);
  const res = await request.post("/api/trpc/project.create", { headers: json, data: { json: { name: big } } });
  expect(res.status()).toBe(413);
});

test("a cross-site form post gets 403 and a same-origin form post to the JSON API gets 415", async ({ request }) => {
  const crossSite = await request.post("/api/trpc/project.create", {
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    data: "name=Evil",
  });
  expect(crossSite.status()).toBe(403);
  const form = await request.post("/api/trpc/project.create", {
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    data: "name=Evil",
  });
  expect(form.status()).toBe(415);
});

test("every response carries x-request-id, and a well-formed incoming one is reused", async ({ request }) => {
  const fresh = await request.get("/sign-in");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
  const reused = await request.get("/api/trpc/user.me", { headers: { "x-request-id": "trace-abc-12345" } });
  expect(reused.headers()["x-request-id"]).toBe("trace-abc-12345");
  const replaced = await request.get("/sign-in", { headers: { "x-request-id": "bad id with spaces" } });
  expect(replaced.headers()["x-request-id"]).not.toBe("bad id with spaces");
});

test("next-auth's own credential and sign-out endpoints are closed, so the rate limit cannot be bypassed", async ({ request }) => {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "someone@example.test", password: "whatever-123" },
  });
  expect(res.status()).toBe(404);
  expect((await request.post("/api/auth/signout", { form: { csrfToken } })).status()).toBe(404);
});
