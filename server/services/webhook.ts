// A project's webhook endpoints: create (the signing secret is shown once), edit, pause, rotate the secret, delete, and
// the delivery log with "send again". Every change is audited, and so is sent to the project's endpoints like any other.
import type {
  CreateWebhookInput, ListWebhookDeliveriesInput, WebhookDeliveryInput, UpdateWebhookInput, WebhookIdInput,
} from "../../contracts/webhook";
import { MAX_WEBHOOKS_PER_PROJECT } from "../../contracts/webhook";
import type { Queryable } from "../../db/client";
import * as q from "../../db/queries/webhooks";
import { DomainError } from "../../domain/errors";
import { generateWebhookSecret, secretHint } from "../../domain/webhook/signature";
import { recordAudit } from "../audit";
import { withIdempotency } from "../idempotency";
import { WEBHOOK_SETTINGS } from "../webhooks/dispatcher";
import { webhookBody } from "../../domain/webhook/event";
import { isPrivateHost } from "../webhooks/address";
import type { ProjectContext } from "./context";

/** What is shown of an endpoint: never the secret, only its last characters. */
export function toWebhookView({ secret, ...endpoint }: q.WebhookEndpointRow) {
  return { ...endpoint, secretHint: secretHint(secret) };
}
export type WebhookView = ReturnType<typeof toWebhookView>;

/** A private address would be refused at every delivery: say so when the endpoint is saved. */
function assertDeliverable(url: string | undefined): void {
  if (!url || WEBHOOK_SETTINGS.allowPrivateTargets || !isPrivateHost(url)) return;
  const message = "This address is on a private network, which this server does not send to. Use a public address, or ask the operator to set WEBHOOK_ALLOW_PRIVATE_TARGETS=true.";
  throw new DomainError("BAD_INPUT", message, { fieldErrors: { url: [message] } });
}

async function findOrThrow(db: Queryable, ctx: ProjectContext, id: string) {
  const endpoint = await q.findWebhookEndpointInProject(db, { projectId: ctx.project.id, id });
  if (!endpoint) throw new DomainError("NOT_FOUND", "That webhook does not exist or is in another project.");
  return endpoint;
}

export async function list(ctx: ProjectContext): Promise<WebhookView[]> {
  return (await q.listWebhookEndpoints(ctx.db, ctx.project.id)).map(toWebhookView);
}

export async function create(ctx: ProjectContext, input: CreateWebhookInput) {
  // A replay returns the stored result, secret included; keys are per user, so only its creator can replay it.
  assertDeliverable(input.url);
  return withIdempotency({ db: ctx.db, userId: ctx.user.id, scope: "webhook.create", key: input.idempotencyKey, input }, (db) =>
    db.transaction(async (tx) => {
      if ((await q.countWebhookEndpointsLocked(tx, ctx.project.id)) >= MAX_WEBHOOKS_PER_PROJECT) {
        throw new DomainError("CONFLICT", `A project can have at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks; delete one you no longer use.`);
      }
      const secret = generateWebhookSecret();
      const endpoint = toWebhookView(
        await q.insertWebhookEndpoint(tx, { projectId: ctx.project.id, url: input.url, description: input.description, events: input.events, secret, createdBy: ctx.user.id }),
      );
      await recordAudit(tx, ctx, { action: "webhook.created", entityType: "webhook", entityId: endpoint.id, after: endpoint });
      return { webhook: endpoint, secret };
    }),
  );
}

export async function update(ctx: ProjectContext, input: UpdateWebhookInput): Promise<WebhookView> {
  assertDeliverable(input.url);
  return ctx.db.transaction(async (tx) => {
    const { url, description, events, active } = input;
    const changes = { url, description, events, active };
    const before = toWebhookView(await findOrThrow(tx, ctx, input.id));
    // Nothing sent, nothing written (and no audit event, so no webhook about it either).
    if (Object.values(changes).every((value) => value === undefined)) return before;
    const after = toWebhookView(await q.updateWebhookEndpoint(tx, input.id, changes));
    await recordAudit(tx, ctx, { action: "webhook.updated", entityType: "webhook", entityId: input.id, before, after });
    return after;
  });
}

export async function rotateSecret(ctx: ProjectContext, input: WebhookIdInput) {
  return ctx.db.transaction(async (tx) => {
    const before = toWebhookView(await findOrThrow(tx, ctx, input.id));
    const secret = generateWebhookSecret();
    const after = toWebhookView(await q.updateWebhookEndpoint(tx, input.id, { secret }));
    await recordAudit(tx, ctx, { action: "webhook.secret_rotated", entityType: "webhook", entityId: input.id, before, after });
    return { webhook: after, secret };
  });
}

export async function remove(ctx: ProjectContext, input: WebhookIdInput): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const before = toWebhookView(await findOrThrow(tx, ctx, input.id));
    await q.deleteWebhookEndpoint(tx, input.id);
    await recordAudit(tx, ctx, { action: "webhook.deleted", entityType: "webhook", entityId: input.id, before });
    return { id: input.id };
  });
}

/** Queues a test event (`webhook.pinged`) for this endpoint only, so a receiver can be checked right after it is set up. */
export async function ping(ctx: ProjectContext, input: WebhookIdInput): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const endpoint = await findOrThrow(tx, ctx, input.id);
    if (!endpoint.active) throw new DomainError("CONFLICT", "This webhook is paused. Resume it to send a test event.");
    await recordAudit(tx, ctx, { action: "webhook.pinged", entityType: "webhook", entityId: endpoint.id, after: { url: endpoint.url }, webhookEndpointId: endpoint.id });
    return { id: endpoint.id };
  });
}

export async function deliveries(ctx: ProjectContext, input: ListWebhookDeliveriesInput) {
  await findOrThrow(ctx.db, ctx, input.id);
  const rows = await q.listWebhookDeliveries(ctx.db, { endpointId: input.id, beforeId: input.cursor, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The exact body a delivery sends (every attempt sends the same bytes), for the delivery log's payload view. */
export async function payload(ctx: ProjectContext, input: WebhookDeliveryInput): Promise<{ event: string; body: string }> {
  await findOrThrow(ctx.db, ctx, input.id);
  const event = await q.findDeliveryEvent(ctx.db, { endpointId: input.id, deliveryId: input.deliveryId });
  if (!event) throw new DomainError("NOT_FOUND", "That delivery does not exist for this webhook.");
  return { event: event.action, body: webhookBody(event) };
}

export async function redeliver(ctx: ProjectContext, input: WebhookDeliveryInput): Promise<{ id: number }> {
  return ctx.db.transaction(async (tx) => {
    await findOrThrow(tx, ctx, input.id);
    const delivery = await q.findDeliveryOfEndpoint(tx, { endpointId: input.id, id: input.deliveryId });
    if (!delivery) throw new DomainError("NOT_FOUND", "That delivery does not exist for this webhook.");
    if (!(await q.requeueFinishedDelivery(tx, delivery.id))) {
      throw new DomainError("CONFLICT", "That delivery is still queued; it will be sent on its own.");
    }
    await recordAudit(tx, ctx, { action: "webhook.redelivered", entityType: "webhook", entityId: input.id, after: { deliveryId: delivery.id } });
    return { id: delivery.id };
  });
}
