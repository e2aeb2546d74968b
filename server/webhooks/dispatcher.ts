// Sends queued webhook deliveries: every app process polls, claims due deliveries (one per endpoint) under a lease
// (FOR UPDATE SKIP LOCKED, so instances never send the same attempt twice), POSTs them signed, and records each outcome
// fenced by its attempt number. Failures are retried on the schedule in domain/webhook/retry.ts, then marked failed.
import type { Db } from "../../db/client";
import { claimDueDeliveries, recordDeliveryOutcome, type ClaimedDelivery } from "../../db/queries/webhooks";
import { webhookBody } from "../../domain/webhook/event";
import { isDelivered, retryDelaySeconds } from "../../domain/webhook/retry";
import { SIGNATURE_HEADER, signWebhook } from "../../domain/webhook/signature";
import { logger } from "../logger";
import { postWebhook, type SendOptions } from "./send";

export const WEBHOOK_SETTINGS: SendOptions = {
  timeoutMs: Number(process.env.WEBHOOK_TIMEOUT_SECONDS || 10) * 1000,
  allowPrivateTargets: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "true",
};
/** Deliveries sent at the same time by one app process. */
const MAX_IN_FLIGHT = 10;

async function attempt(db: Db, delivery: ClaimedDelivery, options: SendOptions): Promise<void> {
  const body = webhookBody(delivery.event);
  const headers = {
    "content-type": "application/json",
    "user-agent": "etp-webhooks/1",
    "x-etp-event": delivery.event.action,
    "x-etp-delivery": String(delivery.id),
    [SIGNATURE_HEADER]: signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
  };
  const sent = await postWebhook(delivery.url, body, headers, options);
  const delivered = sent.status !== null && isDelivered(sent.status);
  const error = sent.error ?? (delivered ? null : `The endpoint answered ${sent.status}.`);
  const recorded = await recordDeliveryOutcome(db, {
    id: delivery.id,
    attempts: delivery.attempts,
    delivered,
    status: sent.status,
    error,
    retryInSeconds: delivered ? null : retryDelaySeconds(delivery.attempts),
  });
  if (!recorded) logger.warn({ deliveryId: delivery.id }, "webhook delivery lease lost before its outcome was recorded");
}

const leaseFor = (options: SendOptions) => options.timeoutMs + 30_000;

/** Claims and sends one batch of due deliveries and waits for all of them; returns how many were claimed. */
export async function dispatchDue(db: Db, options: SendOptions = WEBHOOK_SETTINGS): Promise<number> {
  const claimed = await claimDueDeliveries(db, { limit: MAX_IN_FLIGHT, leaseMs: leaseFor(options) });
  await Promise.all(claimed.map((delivery) => attempt(db, delivery, options)));
  return claimed.length;
}

export interface WebhookDispatcher {
  stop(): Promise<void>;
}

/**
 * Polls every `pollMs`, and claims again whenever a delivery finishes. Up to MAX_IN_FLIGHT deliveries are sent at once,
 * one per endpoint (claimDueDeliveries), so an endpoint that takes its full timeout holds up only its own deliveries.
 * stop() waits for the deliveries in flight.
 */
export function startWebhookDispatcher(
  deps: { getDb: () => Db },
  options: { pollMs?: number; send?: SendOptions } = {},
): WebhookDispatcher {
  const send = options.send ?? WEBHOOK_SETTINGS;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pumping: Promise<void> | null = null;
  let again = false;

  const fill = async () => {
    do {
      again = false;
      while (!stopped && inFlight.size < MAX_IN_FLIGHT) {
        const db = deps.getDb();
        const claimed = await claimDueDeliveries(db, { limit: MAX_IN_FLIGHT - inFlight.size, leaseMs: leaseFor(send) });
        if (claimed.length === 0) break;
        for (const delivery of claimed) {
          const sending: Promise<void> = attempt(db, delivery, send)
            .catch((error: unknown) => logger.error({ err: error, deliveryId: delivery.id }, "webhook delivery failed"))
            .finally(() => {
              inFlight.delete(sending);
              pump();
            });
          inFlight.add(sending);
        }
      }
    } while (again && !stopped);
  };
  // One fill at a time; a request while one runs makes it go round once more.
  const pump = () => {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = fill()
      .catch((error: unknown) => logger.error({ err: error }, "webhook dispatch failed"))
      .finally(() => (pumping = null));
  };
  const schedule = () => {
    timer = setTimeout(() => {
      pump();
      schedule();
    }, options.pollMs ?? 1_000);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (pumping || inFlight.size > 0) await Promise.all([pumping, ...inFlight]);
    },
  };
}
