// When a failed delivery is tried again: a fixed schedule (about a day in all), then the delivery is marked failed and
// can be sent again by hand. The schedule is data, the dispatcher's poll does the waiting.
export const RETRY_DELAYS_SECONDS = [10, 60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600, 12 * 3600] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** Seconds until the next try after `attempts` failed ones, or null when the delivery has used all its attempts. */
export function retryDelaySeconds(attempts: number): number | null {
  return attempts >= MAX_DELIVERY_ATTEMPTS ? null : RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)]!;
}

/** 2xx is delivered. Anything else (including 3xx: redirects are not followed) is a failure worth retrying. */
export function isDelivered(status: number): boolean {
  return status >= 200 && status < 300;
}
