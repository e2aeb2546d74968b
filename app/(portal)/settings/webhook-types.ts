// The shapes the webhook settings read, straight from the router's outputs.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/app-router";

type WebhookOutputs = inferRouterOutputs<AppRouter>["webhook"];
export type Webhook = WebhookOutputs["list"][number];
export type WebhookDelivery = WebhookOutputs["deliveries"]["items"][number];
