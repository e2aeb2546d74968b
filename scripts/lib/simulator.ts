// A sensor simulator: POSTs realistic batches (slow drift + noise + a rare spike) to the public ingest route, exactly as
// firmware would. A batch that fails on the network or with 429/5xx is kept and re-sent with the same Idempotency-Key
// on the next tick, so an outage or a restart of the platform loses nothing and duplicates nothing.
import { randomUUID } from "node:crypto";

export interface SimulatorOptions {
  url: string;
  token: string;
  /** Readings per second. */
  rate: number;
  /** How often a batch is sent, in ms. */
  intervalMs?: number;
  runId?: string;
  captureSessionId?: string;
  /** The raw signal; defaults to a thermocouple-like voltage. */
  signal?: (t: number) => number;
  onBatch?: (result: BatchResult) => void;
}

export interface BatchResult {
  status: number | "network-error";
  readings: number;
  body?: unknown;
}

interface Pending {
  key: string;
  readings: { timestamp: string; raw_value: number }[];
}

export function thermocoupleSignal(t: number): number {
  const drift = 1.2 + 0.15 * Math.sin((2 * Math.PI * t) / 120_000);
  const noise = (Math.random() - 0.5) * 0.01;
  const spike = Math.random() < 0.0005 ? 0.4 : 0;
  return Number((drift + noise + spike).toFixed(5));
}

export function startSimulator(options: SimulatorOptions): { stop: () => void } {
  const intervalMs = options.intervalMs ?? 1000;
  const signal = options.signal ?? thermocoupleSignal;
  const queue: Pending[] = [];
  let last = Date.now();
  let stopped = false;
  let sending = false;

  const tick = async () => {
    const now = Date.now();
    const count = Math.max(1, Math.round(((now - last) / 1000) * options.rate));
    const step = (now - last) / count;
    const readings = Array.from({ length: count }, (_, i) => {
      const t = Math.round(last + step * (i + 1));
      return { timestamp: new Date(t).toISOString(), raw_value: signal(t) };
    });
    last = now;
    queue.push({ key: randomUUID(), readings });
    if (queue.length > 600) queue.splice(0, queue.length - 600);
    if (sending) return;
    sending = true;
    try {
      while (queue.length > 0 && !stopped) {
        const ok = await send(options, queue[0]!);
        if (!ok) break;
        queue.shift();
      }
    } finally {
      sending = false;
    }
  };

  const timer = setInterval(() => void tick(), intervalMs);
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** True when the batch needs no re-send (accepted, or refused for good with a 4xx other than 429). */
async function send(options: SimulatorOptions, batch: Pending): Promise<boolean> {
  const body = {
    ...(options.runId ? { run_id: options.runId } : {}),
    ...(options.captureSessionId ? { capture_session_id: options.captureSessionId } : {}),
    sent_at: new Date().toISOString(),
    readings: batch.readings,
  };
  try {
    const response = await fetch(new URL("/api/v1/telemetry", options.url), {
      method: "POST",
      headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json", "idempotency-key": batch.key },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const json: unknown = await response.json().catch(() => null);
    options.onBatch?.({ status: response.status, readings: batch.readings.length, body: json });
    return response.status < 500 && response.status !== 429;
  } catch {
    options.onBatch?.({ status: "network-error", readings: batch.readings.length });
    return false;
  }
}
