// Open-loop load at a fixed rate: requests are sent on an even schedule whether or not earlier ones have answered,
// so slow responses cannot hide queueing (autocannon's rate option sends each second's requests in one burst).
export interface LoadResult {
  sent: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The one-second slice of the schedule (by send time) whose slowest answer was slowest: a stall shows up here. */
  slowestSecond?: { at: number; maxMs: number };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function openLoop(options: {
  ratePerSecond: number;
  durationSeconds: number;
  /** Performs request number i; resolves to the HTTP status. */
  request: (i: number) => Promise<number>;
}): Promise<LoadResult> {
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const intervalMs = 1000 / options.ratePerSecond;
  const latencies: number[] = [];
  const slowestBySecond: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const status = await options.request(i);
          const ms = performance.now() - t0;
          latencies.push(ms);
          const second = Math.floor(i / options.ratePerSecond);
          slowestBySecond[second] = Math.max(slowestBySecond[second] ?? 0, ms);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 400) errors++;
        } catch {
          errors++;
          statuses.network = (statuses.network ?? 0) + 1;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  const at = slowestBySecond.reduce((worst, ms, second) => (ms > (slowestBySecond[worst] ?? 0) ? second : worst), 0);
  const slowestSecond = { at, maxMs: Math.round((slowestBySecond[at] ?? 0) * 10) / 10 };
  return { ...summarise(latencies, { sent: total, errors, statuses }), slowestSecond };
}

/** Percentiles (ms, one decimal) of the latencies, which it sorts in place. */
export function summarise(latencies: number[], counts: Pick<LoadResult, "sent" | "errors" | "statuses">): LoadResult {
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    ...counts,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? Number.NaN),
  };
}
