// Webhooks in a real browser against a real receiver: an owner adds an endpoint on the settings page, a change in the
// project reaches the receiver signed with the secret the UI showed once, and the endpoint is looked at, paused,
// re-keyed and deleted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "../domain/webhook/signature";
import { createFirstProject, signUp, uniqueEmail } from "./helpers";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 (a random port) that keeps every request's headers and raw body and answers 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/etp`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = /^whsec_[A-Za-z0-9_-]{43}$/;

test("owner adds a webhook, receives a signed event and manages the endpoint", async ({ page }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const ofType = (type: string) => receiver.received.filter((r) => r.headers["x-etp-event"] === type);
  try {
    await signUp(page, "Wanda Webhook", uniqueEmail("webhook"));
    await createFirstProject(page, "Signal Lab");

    // 1. the settings page explains webhooks while there are none
    await page.goto("/settings");
    const section = page.getByTestId("webhooks-section");
    await expect(section.getByTestId("webhooks-empty")).toContainText("signed");

    // 2. a URL that is not http(s) gets the contract's field error, in the dialog, before anything is sent
    await section.getByTestId("webhook-add-button").click();
    const add = page.getByTestId("webhook-create-dialog");
    await add.getByLabel("Payload URL").fill("ftp://x");
    await add.getByTestId("webhook-create-submit").click();
    await expect(add.getByText("Enter an http:// or https:// URL")).toBeVisible();
    await expect(add.getByLabel("Payload URL")).toHaveAttribute("aria-invalid", "true");

    // 3. a valid endpoint, subscribed to experiment.created only; its secret is shown once
    await add.getByLabel("Payload URL").fill(receiver.url);
    await add.getByLabel("Description").fill("E2E receiver");
    await add.getByLabel("Events").fill("experiment.created");
    await add.getByTestId("webhook-create-submit").click();
    await expect(page.getByText("Webhook added").first()).toBeVisible();
    const secretDialog = page.getByTestId("webhook-secret-dialog");
    await expect(secretDialog).toContainText("will not be shown again");
    const secret = await secretDialog.getByTestId("webhook-secret-value").inputValue();
    expect(secret).toMatch(SECRET);
    await secretDialog.getByRole("button", { name: "I have stored it" }).click();
    await expect(secretDialog).not.toBeVisible();

    const row = section.getByTestId("webhook-row");
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId("webhook-url")).toHaveText(receiver.url);
    await expect(row).toContainText("E2E receiver");
    await expect(row.getByTestId("webhook-events")).toHaveText("experiment.created");
    await expect(row.getByTestId("webhook-status")).toHaveText("Active");
    await expect(row.getByTestId("webhook-secret-hint")).toHaveText(`whsec_…${secret.slice(-4)}`);

    // 4. a change in the project: the receiver gets it, signed with the secret the UI showed
    await page.goto("/experiments/new");
    const form = page.getByTestId("experiment-form");
    await form.getByLabel("Name", { exact: true }).fill("Hooked experiment");
    await form.getByTestId("experiment-create-submit").click();
    await expect(page).toHaveURL(/\/experiments\/[0-9a-f-]{36}$/);
    await expect.poll(() => ofType("experiment.created").length, { timeout: 15_000 }).toBeGreaterThan(0);

    const [request] = ofType("experiment.created");
    const signature = String(request!.headers["x-etp-signature"]);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, request!.body, signature)).toEqual({ ok: true });
    // The check can fail: another secret, or a body changed by one byte, does not verify.
    expect(verifyWebhookSignature(`${secret.slice(0, -1)}x`, request!.body, signature)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(secret, request!.body.replace("Hooked", "Hacked"), signature)).toEqual({ ok: false, reason: "mismatch" });
    const payload = JSON.parse(request!.body) as { type: string; entity: { type: string }; after: { name: string }; actor: { email: string } };
    expect(payload.type).toBe("experiment.created");
    expect(payload.entity.type).toBe("experiment");
    expect(payload.after.name).toBe("Hooked experiment");
    // Only the subscribed action is sent: not webhook.created, not anything else.
    expect(receiver.received.every((r) => r.headers["x-etp-event"] === "experiment.created")).toBe(true);

    // 5. the delivery log shows it delivered; sending it again reaches the receiver a second time, same delivery id
    await page.goto("/settings");
    await section.getByTestId("webhook-deliveries-button").click();
    const deliveries = page.getByTestId("webhook-deliveries-dialog");
    const delivery = deliveries.getByTestId("webhook-delivery-row");
    await expect(delivery).toHaveCount(1);
    await expect(delivery).toContainText("experiment.created");
    await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("delivered");
    await expect(delivery.getByTestId("webhook-delivery-result")).toContainText("HTTP 200");
    // The payload view shows the body that was sent, byte for byte once pretty-printing is undone.
    await delivery.getByTestId("webhook-payload-toggle").click();
    const shown = deliveries.getByTestId("webhook-delivery-payload");
    await expect(shown).toContainText('"type": "experiment.created"');
    expect(JSON.stringify(JSON.parse(await shown.innerText()))).toBe(ofType("experiment.created")[0]!.body);
    await delivery.getByTestId("webhook-payload-toggle").click();
    await expect(shown).toHaveCount(0);
    await delivery.getByTestId("webhook-redeliver").click();
    await expect(page.getByText(/queued to be sent again/).first()).toBeVisible();
    await expect.poll(() => ofType("experiment.created").length, { timeout: 15_000 }).toBe(2);
    const [first, again] = ofType("experiment.created");
    expect(again!.headers["x-etp-delivery"]).toBe(first!.headers["x-etp-delivery"]);
    expect(verifyWebhookSignature(secret, again!.body, String(again!.headers["x-etp-signature"]))).toEqual({ ok: true });
    // Sending again starts the attempts over; the dialog keeps polling, so it ends up delivered again without a reload.
    await expect(delivery.getByTestId("webhook-delivery-status")).toHaveText("delivered");
    await expect(delivery.locator("td").nth(3)).toHaveText("1");
    await deliveries.getByRole("button", { name: "Done" }).click();
    await expect(deliveries).not.toBeVisible();

    // 6. pause, then resume
    await row.getByTestId("webhook-toggle-active").click();
    await expect(row.getByTestId("webhook-status")).toHaveText("Paused");
    await expect(row.getByTestId("webhook-toggle-active")).toHaveText("Resume");
    await row.getByTestId("webhook-toggle-active").click();
    await expect(row.getByTestId("webhook-status")).toHaveText("Active");

    // 6a. a test event reaches the receiver, signed like any other
    await row.getByTestId("webhook-ping-button").click();
    await expect(page.getByText(/Test event queued/).first()).toBeVisible();
    await expect.poll(() => ofType("webhook.pinged").length, { timeout: 15_000 }).toBe(1);
    const [ping] = ofType("webhook.pinged");
    expect(verifyWebhookSignature(secret, ping!.body, String(ping!.headers["x-etp-signature"]))).toEqual({ ok: true });

    // 6b. edit: a bad action name is refused on the field; a good edit shows in the row
    await row.getByTestId("webhook-edit-button").click();
    const edit = page.getByTestId("webhook-edit-dialog");
    await expect(edit.getByTestId("webhook-edit-url")).toHaveValue(receiver.url);
    await edit.getByTestId("webhook-edit-events").fill("experiment.created, Run Started");
    await edit.getByTestId("webhook-edit-submit").click();
    await expect(edit.getByText(/“Run Started”: Use an action name like run.status_changed/)).toBeVisible();
    await edit.getByTestId("webhook-edit-events").fill("experiment.created, run.status_changed");
    await edit.getByTestId("webhook-edit-description").fill("Lab notebook");
    await edit.getByTestId("webhook-edit-submit").click();
    await expect(page.getByText("Webhook saved").first()).toBeVisible();
    await expect(row.getByTestId("webhook-events")).toContainText("run.status_changed");
    await expect(row).toContainText("Lab notebook");

    // 7. rotate the secret: confirm, then a new, different secret is shown once
    await row.getByTestId("webhook-rotate-button").click();
    const rotate = page.getByTestId("webhook-rotate-dialog");
    await expect(rotate).toContainText(receiver.url);
    await rotate.getByTestId("webhook-rotate-submit").click();
    await expect(secretDialog).toContainText("will not be shown again");
    const rotated = await secretDialog.getByTestId("webhook-secret-value").inputValue();
    expect(rotated).toMatch(SECRET);
    expect(rotated).not.toBe(secret);
    await secretDialog.getByRole("button", { name: "I have stored it" }).click();
    await expect(row.getByTestId("webhook-secret-hint")).toHaveText(`whsec_…${rotated.slice(-4)}`);

    // 8. delete it: the dialog names the URL, and the empty state is back
    await row.getByTestId("webhook-delete-button").click();
    const remove = page.getByTestId("webhook-delete-dialog");
    await expect(remove).toContainText(receiver.url);
    await remove.getByTestId("webhook-delete-submit").click();
    await expect(page.getByText("Webhook deleted").first()).toBeVisible();
    await expect(section.getByTestId("webhooks-empty")).toBeVisible();
    await expect(section.getByTestId("webhook-row")).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
