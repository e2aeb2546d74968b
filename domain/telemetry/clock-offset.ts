// A sensor's clock offset (device clock minus server clock) from the sent_at of its recent batches. The median is
// robust: one batch stuck in a retry queue for minutes, or a device that jumps its clock once, does not move it.
export const CLOCK_OFFSET_MAX_SAMPLES = 20;
export const CLOCK_OFFSET_WINDOW_MS = 60 * 60 * 1000;

export interface OffsetSample {
  offsetMs: number;
  receivedAtMs: number;
}

/** Positive when the device clock runs ahead of the server's. */
export function batchClockOffset(sentAtMs: number, receivedAtMs: number): number {
  return sentAtMs - receivedAtMs;
}

/** Median of the newest samples within the window, or null when there are none. */
export function estimateClockOffset(
  samples: readonly OffsetSample[],
  nowMs: number,
  { maxSamples = CLOCK_OFFSET_MAX_SAMPLES, windowMs = CLOCK_OFFSET_WINDOW_MS } = {},
): number | null {
  const recent = samples
    .filter((s) => Number.isFinite(s.offsetMs) && s.receivedAtMs >= nowMs - windowMs && s.receivedAtMs <= nowMs)
    .sort((a, b) => b.receivedAtMs - a.receivedAtMs)
    .slice(0, maxSamples)
    .map((s) => s.offsetMs)
    .sort((a, b) => a - b);
  if (recent.length === 0) return null;
  const mid = recent.length >> 1;
  return recent.length % 2 === 1 ? recent[mid]! : (recent[mid - 1]! + recent[mid]!) / 2;
}

/** The server-clock time of a device timestamp: subtract the estimate when correction is on and an estimate exists. */
export function correctTimestamp(deviceMs: number, estimateMs: number | null, enabled: boolean): number {
  return enabled && estimateMs !== null ? Math.round(deviceMs - estimateMs) : deviceMs;
}
