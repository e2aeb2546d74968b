// Issue #4's flow in a real browser: sensor + token → readings POSTed by the test → live on the run page →
// token rotation (the old token stops, the new one works) → telemetry CSV export.
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createFirstProject, createSensor, signUp, uniqueEmail } from "./helpers";

/** A tRPC call from inside the page, so the browser's own cookie and same-origin headers apply. */
async function trpc<T>(page: Page, path: string, input: unknown): Promise<T> {
  const body = await page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
      return res.json();
    },
    { path, input },
  );
  return (body as { result: { data: { json: T } } }).result.data.json;
}

function ingest(request: APIRequestContext, token: string, readings: { timestamp: string; raw_value: number }[], sentAt?: string) {
  const data = sentAt ? { sent_at: sentAt, readings } : { readings };
  return request.post("/api/v1/telemetry", { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, data });
}

test("a sensor's readings stream live onto the run page, survive a token rotation and export as CSV", async ({ page, request }) => {
  await signUp(page, "Tess Telemetry", uniqueEmail("telemetry"));
  await createFirstProject(page, "Thermal bench");

  // 1. create a sensor (raw mV → °C, gain 10 below) and copy its token
  const token = await createSensor(page, "Oven TC", { raw: "mV", physical: "°C" });
  expect(token).toMatch(/^etp_/);
  await page.getByTestId("sensor-row").filter({ hasText: "Oven TC" }).getByRole("link", { name: "Oven TC" }).click();
  await expect(page).toHaveURL(/\/sensors\/[0-9a-f-]{36}$/);
  const sensorUrl = page.url();
  const sensorId = sensorUrl.split("/").pop()!;

  const me = await page.evaluate(async () => (await (await fetch("/api/trpc/user.me")).json()) as { result: { data: { json: { activeProjectId: string } } } });
  const projectId = me.result.data.json.activeProjectId;
  expect(projectId).toMatch(/^[0-9a-f-]{36}$/);
  await trpc(page, "sensor.saveProfile", { projectId, id: sensorId, spec: { kind: "linear", gain: 10, offset: 0 }, activate: true });
  const experiment = await trpc<{ id: string }>(page, "experiment.create", { projectId, name: "Oven ramp" });
  const run = await trpc<{ id: string }>(page, "run.create", { projectId, experimentId: experiment.id, name: "Ramp 1" });

  // The run records the sensor (chosen on the run page), then runs a capture session.
  await page.goto(`/runs/${run.id}`);
  await page.getByTestId("run-sensors-edit").click();
  await page.getByTestId("run-sensor-option").first().check();
  await page.getByTestId("run-sensors-save").click();
  await expect(page.getByTestId("run-sensor-row")).toContainText("Oven TC");
  await page.getByTestId("run-action-start").click();
  await expect(page.getByTestId("run-status")).toHaveText(/running/i);
  await page.getByTestId("session-start").click();
  await expect(page.getByTestId("session-elapsed")).toBeVisible();
  await expect(page.getByTestId("run-sensor-recording")).toBeVisible();

  // 2–3. post readings from the test and watch them arrive live, converted
  await expect(page.getByTestId("stream-state")).toHaveAttribute("data-state", "live");
  const t0 = Date.now();
  // The device clock runs 1.5 s ahead: sent_at says so, and the sensor page will show the estimate.
  const readings = [0, 1, 2, 3, 4].map((i) => ({ timestamp: new Date(t0 - 5000 + i * 1000).toISOString(), raw_value: 2 + i / 10 }));
  const first = await ingest(request, token, readings, new Date(Date.now() + 1500).toISOString());
  expect(first.status()).toBe(202);
  expect(await first.json()).toMatchObject({ accepted: 5, duplicates: 0, rejected: [] });
  const chart = page.getByTestId("live-chart").filter({ has: page.getByText("Oven TC") });
  await expect(chart).toHaveAttribute("data-points", "5");
  await expect(chart.getByTestId("live-latest-value")).toContainText("24");

  // The sensor page reports the sensor online, its rate and its clock offset.
  await page.goto(sensorUrl);
  await expect(page.getByTestId("sensor-online")).toHaveText("online");
  await expect(page.getByTestId("sensor-rate")).toHaveText("0.1");
  await expect(page.getByTestId("sensor-clock-offset")).toHaveText(/^\+1\.[45]\d s$/);

  // 4. rotate the token with no grace: the old one is refused at once, the new one streams on
  await page.getByTestId("sensor-rotate-button").click();
  const rotate = page.getByTestId("sensor-rotate-dialog");
  await rotate.getByLabel("Grace period (minutes)").fill("0");
  await rotate.getByTestId("sensor-rotate-submit").click();
  const newToken = await page.getByTestId("sensor-token-dialog").getByTestId("sensor-token-value").inputValue();
  await page.getByTestId("sensor-token-dialog").getByRole("button", { name: "I have stored it" }).click();
  const stale = await ingest(request, token, [{ timestamp: new Date(t0 + 1000).toISOString(), raw_value: 3 }]);
  expect(stale.status()).toBe(401);
  const fresh = await ingest(request, newToken, [{ timestamp: new Date(t0 + 1000).toISOString(), raw_value: 3 }]);
  expect(fresh.status()).toBe(202);
  expect(await fresh.json()).toMatchObject({ accepted: 1 });

  // 5. export the run's telemetry as CSV
  await page.goto(`/runs/${run.id}`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("history-export-csv").click();
  const csv = fs.readFileSync(await (await downloadPromise).path(), "utf8");
  const [header, ...lines] = csv.trim().split("\n");
  expect(header).toMatch(/^time,sensor,raw_value,value,unit,profile_version/);
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,Oven TC,2,20,°C,2,/);
  expect(lines.at(-1)).toMatch(/,Oven TC,3,30,°C,2,/);

  // Readings sent while no session records the sensor are kept against it, and can be attached to the run later.
  await page.getByTestId("session-stop").click();
  await expect(page.getByTestId("run-sensor-recording")).toHaveCount(0);
  const loose = await ingest(request, newToken, [{ timestamp: new Date().toISOString(), raw_value: 4 }]);
  expect(await loose.json()).toMatchObject({ accepted: 1, run_id: null, capture_session_id: null });
  await page.getByTestId("attach-open").click();
  await expect(page.getByTestId("attach-unattached")).toContainText("1 unattached reading,");
  await page.getByTestId("attach-submit").click();
  await expect(page.getByText("Attached 1 reading.")).toBeVisible();

  // Reprocess the run with profile v1 (identity): a background job whose progress ends in succeeded.
  await page.getByTestId("reprocess-open").click();
  await page.getByTestId("reprocess-version").selectOption("1");
  await page.getByTestId("reprocess-submit").click();
  await expect(page.getByTestId("run-job")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(page.getByTestId("run-job-count")).toContainText("7 / 7 readings");
});
