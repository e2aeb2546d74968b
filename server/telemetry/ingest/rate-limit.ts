// Per-token request limit of the ingest route, in process memory: a sustained rate plus a burst allowance, so a sensor
// flushing its buffer after a network outage is not refused at once. Refusals are 429 with Retry-After.
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "../../../domain/errors";
import type { IngestLimits } from "./limits";

export type IngestRateLimiter = (key: string) => Promise<void>;

export function createIngestRateLimiter(limits: Pick<IngestLimits, "ratePerSecond" | "burstPerTenSeconds">): IngestRateLimiter {
  const limiter = new BurstyRateLimiter(
    new RateLimiterMemory({ keyPrefix: "ingest", points: limits.ratePerSecond, duration: 1 }),
    new RateLimiterMemory({ keyPrefix: "ingest-burst", points: limits.burstPerTenSeconds, duration: 10 }),
  );
  return async (key) => {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError("RATE_LIMITED", `Too many requests for this token. Retry after ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
  };
}
