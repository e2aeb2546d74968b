// Session cookies: flags over http and https, and a password change that ends every session.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PASSWORD, signIn, uniqueEmail } from "./helpers";

const json = { "content-type": "application/json" };

async function createAccount(request: APIRequestContext, email: string) {
  const res = await request.post("/api/trpc/auth.signUp", { headers: json, data: { json: { name: "Sam", email, password: PASSWORD } } });
  expect(res.status()).toBe(200);
}

test("the session cookie is HttpOnly and SameSite=Lax, and Secure behind https", async ({ request }) => {
  const email = uniqueEmail("cookie");
  await createAccount(request, email);

  const plain = await request.post("/api/auth/sign-in", { headers: json, data: { email, password: PASSWORD } });
  expect(plain.status()).toBe(200);
  const plainCookie = plain.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"))!.value;
  expect(plainCookie).toMatch(/HttpOnly/i);
  expect(plainCookie).toMatch(/SameSite=Lax/i);
  expect(plainCookie).not.toMatch(/;\s*Secure/i);

  const secure = await request.post("/api/auth/sign-in", { headers: { ...json, "x-forwarded-proto": "https" }, data: { email, password: PASSWORD } });
  expect(secure.status()).toBe(200);
  const secureCookie = secure.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"))!.value;
  expect(secureCookie).toMatch(/^__Secure-/);
  expect(secureCookie).toMatch(/;\s*Secure/i);
  expect(secureCookie).toMatch(/HttpOnly/i);
});

test("changing the password in the profile dialog ends the old session", async ({ page, browser }) => {
  const email = uniqueEmail("pw");
  await createAccount(page.request, email);
  await signIn(page, email);
  const oldCookies = await page.context().cookies();

  await page.getByRole("button", { name: /▾/ }).click();
  await page.getByRole("menuitem", { name: "Profile…" }).click();
  const dialog = page.getByTestId("profile-dialog");
  await dialog.getByLabel("Current password").fill("not-my-password-1");
  await dialog.getByLabel("New password").fill("brand-new-password-9");
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(dialog.locator("#field-currentPassword-error")).toHaveText("The current password is not correct");

  await dialog.getByLabel("Current password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const res = await replay.request.get("/api/trpc/user.me");
  expect(res.status()).toBe(401);
  await replay.close();

  await signIn(page, email, "brand-new-password-9");
  await expect(page.getByRole("button", { name: /Sam ▾/ })).toBeVisible();
});
