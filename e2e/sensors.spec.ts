// Sensors in the browser: the token is shown once, rotation issues a new one and ends the old one, the preview converts.
import { expect, test } from "@playwright/test";
import { createFirstProject, createSensor, signUp, uniqueEmail } from "./helpers";

test("create a sensor, copy its token, rotate it and preview the conversion", async ({ page }) => {
  await signUp(page, "Sid Sensor", uniqueEmail("sensor"));
  await createFirstProject(page, "Bench");
  const first = await createSensor(page, "Thermocouple 1", { raw: "mV", physical: "°C" });
  expect(first).toMatch(/^etp_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId("sensor-row").filter({ hasText: "Thermocouple 1" });
  await expect(row).toContainText(first.slice(-4));
  // The token is never shown again: not in the list, not on the sensor page.
  await expect(page.getByText(first)).toHaveCount(0);

  await row.getByRole("link", { name: "Thermocouple 1" }).click();
  await expect(page).toHaveURL(/\/sensors\/[0-9a-f-]{36}$/);
  await expect(page.getByText(first)).toHaveCount(0);
  await page.getByTestId("sensor-rotate-button").click();
  const rotate = page.getByTestId("sensor-rotate-dialog");
  await rotate.getByLabel("Grace period (minutes)").fill("0");
  await rotate.getByTestId("sensor-rotate-submit").click();
  const second = await page.getByTestId("sensor-token-dialog").getByTestId("sensor-token-value").inputValue();
  expect(second).toMatch(/^etp_/);
  expect(second).not.toBe(first);
  await page.getByTestId("sensor-token-dialog").getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByTestId("sensor-credential-row")).toHaveCount(2);

  await page.getByTestId("sensor-profile-new").click();
  await page.getByTestId("sensor-preview-raw").fill("2.5");
  await expect(page.getByTestId("sensor-preview-result")).toContainText("2.5");
});
