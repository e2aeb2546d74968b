// Webhook endpoint inputs: where a project's events are POSTed, and which of them.
import { z } from "zod";
import { idempotencyKeySchema, idSchema, limitSchema, projectScopedInput } from "./common";

export const MAX_WEBHOOKS_PER_PROJECT = 20;

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, { message: "Use at most 2000 characters" })
  .refine((value) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol), {
    message: "Enter an http:// or https:// URL, like https://lab.example.org/hooks/etp",
  })
  .refine((value) => !URL.canParse(value) || (new URL(value).username === "" && new URL(value).password === ""), {
    message: "Put credentials in the URL's path or query, not before the host",
  });

/** Audit actions such as run.status_changed; an empty list subscribes to every action. */
export const webhookEventsSchema = z
  .array(z.string().trim().regex(/^[a-z_]+\.[a-z_]+$/, { message: "Use an action name like run.status_changed" }))
  .max(50, { message: "Use at most 50 actions" })
  .transform((events) => [...new Set(events)]);

const description = z.string().trim().max(500, { message: "Use at most 500 characters" });

export const createWebhookInput = projectScopedInput.extend({
  url: webhookUrlSchema,
  description: description.default(""),
  events: webhookEventsSchema.default([]),
  idempotencyKey: idempotencyKeySchema,
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const webhookIdInput = projectScopedInput.extend({ id: idSchema });
export type WebhookIdInput = z.infer<typeof webhookIdInput>;

export const updateWebhookInput = webhookIdInput.extend({
  url: webhookUrlSchema.optional(),
  description: description.optional(),
  events: webhookEventsSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

export const listWebhookDeliveriesInput = webhookIdInput.extend({
  /** The id of the last delivery of the previous page. */
  cursor: z.number().int().positive().optional(),
  limit: limitSchema,
});
export type ListWebhookDeliveriesInput = z.infer<typeof listWebhookDeliveriesInput>;

/** One delivery of one endpoint. */
export const webhookDeliveryInput = webhookIdInput.extend({ deliveryId: z.number().int().positive() });
export type WebhookDeliveryInput = z.infer<typeof webhookDeliveryInput>;
