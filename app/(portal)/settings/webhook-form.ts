// The "Add webhook" form: the contract's own schema, with the events typed as one comma-separated line of action
// names. Each name goes through webhookEventsSchema, and a bad one is named in the message; empty means every event.
import { z } from "zod";
import { createWebhookInput, updateWebhookInput, webhookEventsSchema } from "@/contracts/webhook";

export const EVENTS_PLACEHOLDER = "experiment.created, run.status_changed";

export const eventListText = z.string().transform((text, ctx): string[] => {
  const events = text
    .split(",")
    .map((event) => event.trim())
    .filter((event) => event !== "");
  const result = webhookEventsSchema.safeParse(events);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const index = issue.path[0];
    ctx.addIssue({ code: "custom", message: typeof index === "number" ? `“${events[index]}”: ${issue.message}` : issue.message });
  }
  return z.NEVER;
});

export const createWebhookForm = createWebhookInput.extend({ events: eventListText });

export function createWebhookFormValues(fields: Record<string, string>, projectId: string) {
  return { projectId, url: fields.url ?? "", description: fields.description ?? "", events: fields.events ?? "" };
}

/** The edit form: every field present, checked by the update contract. */
export const editWebhookForm = updateWebhookInput.extend({ events: eventListText });
