// Issue #3's flow in a real browser: experiment → edit → two runs → sessions → complete → batch → compare → CSV export.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createFirstProject, signUp, uniqueEmail } from "./helpers";

async function createRun(page: Page, name: string, params: string) {
  await page.getByTestId("run-new-button").click();
  const dialog = page.getByTestId("run-create-dialog");
  await dialog.getByTestId("run-create-name").fill(name);
  await dialog.getByTestId("run-create-params").fill(params);
  await dialog.getByTestId("run-create-submit").click();
  await expect(page.getByTestId("run-row").filter({ hasText: name })).toBeVisible();
}

async function batchStatus(page: Page, to: string, expected: RegExp, reason?: string) {
  await page.getByTestId("runs-batch-status").click();
  const dialog = page.getByTestId("runs-batch-status-dialog");
  await dialog.getByTestId("runs-batch-status-to").selectOption(to);
  if (reason) await dialog.getByTestId("runs-batch-reason").fill(reason);
  await dialog.getByTestId("runs-batch-apply").click();
  await expect(dialog.getByTestId("runs-batch-result")).toContainText(expected);
  await dialog.getByTestId("runs-batch-done").click();
}

test("scientist runs an experiment end to end", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "Rita Runner", uniqueEmail("runner"));
  await createFirstProject(page, "Optics Lab");

  // 1. create an experiment with tags and metadata; bad metadata gets a field error first
  await page.goto("/experiments/new");
  const form = page.getByTestId("experiment-form");
  await form.getByLabel("Name", { exact: true }).fill("Laser alignment");
  await form.getByLabel("Tags").fill("laser, alignment");
  await form.getByLabel("Metadata").fill("[1, 2]");
  await form.getByTestId("experiment-create-submit").click();
  await expect(form.getByText(/Metadata must be a JSON object/)).toBeVisible();
  await form.getByLabel("Metadata").fill('{"bench": "B2"}');
  await form.getByTestId("experiment-create-submit").click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("experiment-metadata")).toContainText("B2");

  // 2. edit it
  await page.getByTestId("experiment-edit-button").click();
  const edit = page.getByTestId("experiment-edit-dialog");
  await edit.getByLabel("Name", { exact: true }).fill("Laser alignment v2");
  await edit.getByTestId("experiment-edit-submit").click();
  await expect(page.getByRole("heading", { name: "Laser alignment v2" })).toBeVisible();

  // 3. two runs
  // "prototype" is a fair param name in a lab; superjson alone refused to send or serve it.
  await createRun(page, "Run A", "power=1.5\nmode=pulsed\nprototype=v2");
  await createRun(page, "Run B", "power=2\nmode=cw");

  // 4. start run A, start a capture session, stop it
  await page.getByTestId("run-row").filter({ hasText: "Run A" }).getByRole("link", { name: "Run A" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Run A", level: 1 })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText(/draft/i);
  await page.getByTestId("run-action-start").click();
  await expect(page.getByTestId("run-status")).toHaveText(/running/i);
  await page.getByTestId("session-start").click();
  await expect(page.getByTestId("session-elapsed")).toBeVisible();
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  // Completing while a session runs is refused, naming the session.
  await page.getByTestId("run-action-complete").click();
  await expect(page.getByText(/#1 is still running/).first()).toBeVisible();
  await page.getByTestId("session-stop").click();
  await expect(page.getByTestId("session-row").first()).toContainText(/stopped/i);

  // 5. complete the run
  await page.getByTestId("run-action-complete").click();
  await expect(page.getByTestId("run-status")).toHaveText(/succeeded/i);
  await expect(page.getByTestId("run-history")).toContainText(/succeeded/);

  // 6. batch-start, batch-fail and bulk-tag both runs from the experiment page
  await page.getByRole("link", { name: "Laser alignment v2" }).first().click();
  await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
  const table = page.getByTestId("runs-table");
  await table.getByLabel("Select Run A").check();
  await table.getByLabel("Select Run B").check();
  await expect(page.getByTestId("runs-selected-count")).toContainText("2");
  await batchStatus(page, "running", /1 changed, 1 refused/);
  await table.getByLabel("Select Run A").check();
  await table.getByLabel("Select Run B").check();
  await batchStatus(page, "failed", /1 changed, 1 refused/, "laser tripped");
  await table.getByLabel("Select Run A").check();
  await table.getByLabel("Select Run B").check();
  await page.getByTestId("runs-bulk-tags").click();
  const tags = page.getByTestId("runs-bulk-tags-dialog");
  await tags.getByTestId("runs-bulk-tags-add").fill("reviewed");
  await tags.getByTestId("runs-bulk-tags-apply").click();
  await expect(table.getByTestId("run-row").filter({ hasText: "reviewed" })).toHaveCount(2);

  // 7. compare the two runs, differences only
  await table.getByLabel("Select Run A").check();
  await table.getByLabel("Select Run B").check();
  await page.getByTestId("runs-compare").click();
  const compare = page.getByTestId("run-compare");
  await expect(compare).toContainText("Run A");
  await expect(compare).toContainText("Run B");
  await page.getByTestId("compare-diff-only").check();
  await expect(compare.locator('[data-differs="true"]').first()).toBeVisible();
  await expect(compare).toContainText("power");
  await expect(compare).toContainText("prototype");
  // Only Run A has a capture session, so there is nothing to overlay yet, and the page says so.
  await expect(page.getByTestId("compare-telemetry-empty")).toBeVisible();

  // 8. export CSV and check its contents
  await page.goBack();
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("runs-export-csv").click();
  const file = await (await downloadPromise).path();
  const csv = fs.readFileSync(file, "utf8");
  const [header, ...lines] = csv.trim().split("\n");
  expect(header).toContain("param.power");
  expect(header).toContain("param.prototype");
  expect(lines).toHaveLength(2);
  expect(csv).toContain("Run A");
  expect(csv).toMatch(/Run A,succeeded/);
  expect(csv).toMatch(/Run B,failed/);
  expect(csv).toContain("reviewed");
});
