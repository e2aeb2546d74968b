// When the sensor page calls a sensor online: it posted telemetry within the last minute.
export const ONLINE_WINDOW_MS = 60_000;

export function isSensorOnline(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= ONLINE_WINDOW_MS;
}

/** Accepted readings per second, averaged over the window (default the last minute). */
export function readingsPerSecond(acceptedInWindow: number, windowMs = ONLINE_WINDOW_MS): number {
  return acceptedInWindow / (windowMs / 1000);
}
