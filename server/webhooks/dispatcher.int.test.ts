// Webhooks end to end against a real receiver on a socket: a committed change queues one delivery per matching
// endpoint (the audit statement is the outbox), a rolled-back one queues none, and the dispatcher signs, sends, retries
// on failure, gives up after the last attempt, refuses private targets unless allowed, and never sends an event twice.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findDeliveryEvent, insertWebhookEndpoint } from "../../db/queries/webhooks";
import { MAX_DELIVERY_ATTEMPTS } from "../../domain/webhook/retry";
import { generateWebhookSecret, verifyWebhookSignature } from "../../domain/webhook/signature";
import { useTestDatabase } from "../../test/db";
import { callerFor, makeProject, makeUser } from "../../test/factories";
import { recordAudit } from "../audit";
import { webhookBody } from "../../domain/webhook/event";
import { dispatchDue, startWebhookDispatcher } from "./dispatcher";

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  url: string;
}

describe("webhook outbox and dispatcher", () => {
  const db = useTestDatabase();
  const received: Received[] = [];
  let answer = 204;
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, url: req.url ?? "" });
      // "?slow=1" stands for an endpoint that takes its time to answer.
      setTimeout(() => res.writeHead(answer).end(), req.url?.includes("slow=1") ? 1500 : 0);
    });
  });
  let url = "";
  const send = { timeoutMs: 2000, allowPrivateTargets: true };

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    answer = 204;
  });

  async function projectWithEndpoint(events: string[] = []) {
    const owner = await makeUser(db.db);
    const project = await makeProject(db.db, owner);
    const secret = generateWebhookSecret();
    const endpoint = await insertWebhookEndpoint(db.db, { projectId: project.id, url, description: "", secret, events, createdBy: owner.id });
    return { owner, project, secret, endpoint, api: callerFor(db.db, owner) };
  }
  const deliveriesOf = (endpointId: string) =>
    db.sql<{ status: string; attempts: number; last_status: number | null; last_error: string | null; due_in: number }[]>`
      select status, attempts, last_status, last_error, extract(epoch from next_attempt_at - now())::float8 as due_in
      from webhook_deliveries where endpoint_id = ${endpointId} order by id`;

  it("sends a committed change once, signed, with the event in the body", async () => {
    const { project, secret, endpoint, api } = await projectWithEndpoint();
    const experiment = await api.experiment.create({ projectId: project.id, name: "Hooked" });
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "pending", attempts: 0 }]);

    expect(await dispatchDue(db.db, send)).toBe(1);
    expect(received).toHaveLength(1);
    const [{ headers, body }] = received as [Received];
    expect(verifyWebhookSignature(secret, body, String(headers["x-etp-signature"]))).toEqual({ ok: true });
    expect(verifyWebhookSignature(generateWebhookSecret(), body, String(headers["x-etp-signature"]))).toEqual({ ok: false, reason: "mismatch" });
    expect(headers["x-etp-event"]).toBe("experiment.created");
    expect(JSON.parse(body)).toMatchObject({
      type: "experiment.created",
      projectId: project.id,
      entity: { type: "experiment", id: experiment.id },
      after: { name: "Hooked" },
    });
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "delivered", attempts: 1, last_status: 204 }]);
    expect(await dispatchDue(db.db, send)).toBe(0);
    // The delivery log's payload view shows the very bytes that were sent.
    const event = await findDeliveryEvent(db.db, { endpointId: endpoint.id, deliveryId: Number(headers["x-etp-delivery"]) });
    expect(webhookBody(event!)).toBe(body);
  });

  it("queues nothing for a change that rolls back, for another project, or for an action the endpoint did not subscribe to", async () => {
    const { owner, project, endpoint } = await projectWithEndpoint(["run.created"]);
    const other = await projectWithEndpoint();
    await callerFor(db.db, owner).experiment.create({ projectId: project.id, name: "Not subscribed" });
    await db.db
      .transaction(async (tx) => {
        await recordAudit(tx, { requestId: "rolled-back" }, { action: "run.created", entityType: "run", entityId: "x", projectId: project.id });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await deliveriesOf(endpoint.id)).toEqual([]);
    expect(await deliveriesOf(other.endpoint.id)).toEqual([]);
  });

  it("retries a failed attempt later, then gives up after the last one", async () => {
    const { project, endpoint, api } = await projectWithEndpoint();
    await api.experiment.create({ projectId: project.id, name: "Flaky" });
    answer = 503;
    await dispatchDue(db.db, send);
    const [first] = await deliveriesOf(endpoint.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, last_status: 503, last_error: "The endpoint answered 503." });
    expect(first!.due_in).toBeGreaterThan(5);
    expect(await dispatchDue(db.db, send)).toBe(0);

    await db.sql`update webhook_deliveries set attempts = ${MAX_DELIVERY_ATTEMPTS - 1}, next_attempt_at = now() where endpoint_id = ${endpoint.id}`;
    await dispatchDue(db.db, send);
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, last_status: 503 }]);
  });

  it("refuses a private address unless private targets are allowed, and retries it like any failure", async () => {
    const { project, endpoint, api } = await projectWithEndpoint();
    await api.experiment.create({ projectId: project.id, name: "Internal" });
    await dispatchDue(db.db, { ...send, allowPrivateTargets: false });
    expect(received).toEqual([]);
    const [row] = await deliveriesOf(endpoint.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_status: null });
    expect(row!.last_error).toMatch(/127\.0\.0\.1 is a private address; set WEBHOOK_ALLOW_PRIVATE_TARGETS=true/);
  });

  it("keeps sending to a fast endpoint while a slow one takes its time, one delivery at a time per endpoint", async () => {
    const { project, endpoint: fast, api } = await projectWithEndpoint();
    const slow = await insertWebhookEndpoint(db.db, { projectId: project.id, url: `${url}?slow=1`, description: "", secret: generateWebhookSecret(), events: [], createdBy: null });
    for (let i = 0; i < 3; i++) await api.experiment.create({ projectId: project.id, name: `Both ${i}` });
    const dispatcher = startWebhookDispatcher({ getDb: () => db.db }, { pollMs: 20, send: { ...send, timeoutMs: 5000 } });
    try {
      // All three fast deliveries land while the slow endpoint is still on its first answer (1.5 s), which has the
      // only request it has seen so far.
      await expect.poll(async () => (await deliveriesOf(fast.id)).filter((d) => d.status === "delivered").length, { timeout: 1200 }).toBe(3);
      expect((await deliveriesOf(slow.id)).filter((d) => d.status === "delivered")).toEqual([]);
      expect(received.filter((r) => r.url.includes("slow=1"))).toHaveLength(1);
    } finally {
      await dispatcher.stop();
    }
    expect(received.filter((r) => r.url.includes("slow=1")).length).toBeGreaterThan(0);
  });

  it("sends each event exactly once when several dispatchers run at the same time", async () => {
    const { project, endpoint, api } = await projectWithEndpoint();
    for (let i = 0; i < 25; i++) await api.experiment.create({ projectId: project.id, name: `Burst ${i}` });
    const pending = async () =>
      (await db.sql<{ n: number }[]>`select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpoint.id} and status = 'pending'`)[0]!.n;
    // An endpoint gets one delivery at a time, so a dispatcher often finds nothing to claim while another one sends.
    const drain = async () => {
      for (let round = 0; round < 500 && ((await dispatchDue(db.db, send)) > 0 || (await pending()) > 0); round++);
    };
    await Promise.all([drain(), drain(), drain()]);
    expect(await pending()).toBe(0);
    const ids = received.map((r) => JSON.parse(r.body) as { id: string; projectId: string }).filter((e) => e.projectId === project.id).map((e) => e.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
    expect((await deliveriesOf(endpoint.id)).every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
  });
});
