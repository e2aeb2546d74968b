// Hourly clean-up in every app process: expired idempotency keys (24 h), old rate-limit windows and finished webhook
// deliveries past their retention. Reads already ignore expired rows, so this only keeps the tables from growing for as
// long as a server runs. A plain DELETE, so several instances doing it side by side is harmless.
import type { Db } from "../../db/client";
import { purgeExpiredRows } from "../../db/queries/housekeeping";
import { logger } from "../logger";

export const HOUSEKEEPING_INTERVAL_MS = Number(process.env.HOUSEKEEPING_INTERVAL_SECONDS || 3600) * 1000;

export interface Housekeeping {
  stop(): Promise<void>;
}

/** Runs purgeExpiredRows every `intervalMs` until stopped; a failed round is logged and the next one tries again. */
export function startHousekeeping(deps: { getDb: () => Db }, options: { intervalMs?: number } = {}): Housekeeping {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpiredRows(deps.getDb()).catch((error: unknown) => logger.error({ err: error }, "housekeeping failed"));
  }, options.intervalMs ?? HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
