import { expect, type Page } from "@playwright/test";

export const PASSWORD = "lab-password-2026";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

export async function signUp(page: Page, name: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/experiments/);
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/experiments/);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /▾/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** From the empty state a new account lands on: creates its first project, which becomes the active one. */
export async function createFirstProject(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "Create your first project" }).click();
  const dialog = page.getByTestId("create-project-dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText(`Project “${name}” created`)).toBeVisible();
}

/** Creates a sensor from the Sensors page and returns the token the dialog shows once. */
export async function createSensor(page: Page, name: string, units: { raw: string; physical: string }): Promise<string> {
  await page.getByRole("link", { name: "Sensors" }).click();
  await page.getByTestId("sensor-new-button").click();
  const create = page.getByTestId("sensor-create-dialog");
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByLabel("Raw unit").fill(units.raw);
  await create.getByLabel("Physical unit").fill(units.physical);
  await create.getByTestId("sensor-create-submit").click();
  const tokenDialog = page.getByTestId("sensor-token-dialog");
  const token = await tokenDialog.getByTestId("sensor-token-value").inputValue();
  await tokenDialog.getByRole("button", { name: "I have stored it" }).click();
  return token;
}
