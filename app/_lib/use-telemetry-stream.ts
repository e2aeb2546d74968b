"use client";
// Live telemetry over SSE (GET /api/v1/telemetry/stream). The browser's EventSource reconnects by itself and resends
// the last `id:` as Last-Event-ID, so the server replays what was missed; when it gives up (the server refused or went
// away) we reopen with ?since=<last cursor> after a growing delay. Rows are kept per sensor in a rolling window (the last
// WINDOW_MS of reading time, at most MAX_POINTS) and published at most every PUBLISH_MS so 1,000 readings/s do not
// re-render per event. Pausing keeps the stream connected and the window filling, but freezes what is shown.
import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "live" | "reconnecting" | "offline";

export interface StreamPoint {
  /** Reading time, ms since the epoch. */
  t: number;
  value: number;
  raw: number;
}

export interface StreamStatusEvent {
  kind: "run" | "capture_session";
  id: string;
  run_id: string;
  status: string;
}

export interface StreamTarget {
  runId?: string;
  captureSessionId?: string;
  sensorIds?: string[];
}

export const WINDOW_MS = 60_000;
export const MAX_POINTS = 2_000;
const PUBLISH_MS = 250;
const MAX_RETRY_MS = 30_000;

interface TelemetryEventData {
  sensor_id: string;
  readings: { timestamp: string; raw_value: number; value: number }[];
}

export function streamUrl(target: StreamTarget, since?: string): string {
  const params = new URLSearchParams();
  if (target.runId) params.append("run_id", target.runId);
  if (target.captureSessionId) params.append("capture_session_id", target.captureSessionId);
  for (const id of target.sensorIds ?? []) params.append("sensor_id", id);
  if (since) params.set("since", since);
  return `/api/v1/telemetry/stream?${params.toString()}`;
}

/** Appends points and keeps the last WINDOW_MS of reading time, at most MAX_POINTS. */
export function appendWindowed(series: StreamPoint[], points: StreamPoint[]): StreamPoint[] {
  const merged = series.concat(points);
  const newest = merged.reduce((max, p) => Math.max(max, p.t), Number.NEGATIVE_INFINITY);
  const kept = merged.filter((p) => p.t >= newest - WINDOW_MS);
  return kept.length > MAX_POINTS ? kept.slice(kept.length - MAX_POINTS) : kept;
}

export function useTelemetryStream(target: StreamTarget, { paused = false }: { paused?: boolean } = {}) {
  const [state, setState] = useState<StreamState>("connecting");
  const [series, setSeries] = useState<ReadonlyMap<string, StreamPoint[]>>(new Map());
  const [lastStatus, setLastStatus] = useState<StreamStatusEvent | null>(null);
  const windowed = useRef(new Map<string, StreamPoint[]>());
  const dirty = useRef(false);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const key = streamUrl(target);

  useEffect(() => {
    windowed.current = new Map();
    let source: EventSource | null = null;
    let cursor: string | undefined;
    let retryMs = 1_000;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      source = new EventSource(cursor ? `${key}&since=${encodeURIComponent(cursor)}` : key, { withCredentials: true });
      source.addEventListener("ready", (event) => {
        cursor = (event as MessageEvent).lastEventId || cursor;
        retryMs = 1_000;
        setState("live");
      });
      source.addEventListener("telemetry", (event) => {
        const message = event as MessageEvent<string>;
        cursor = message.lastEventId || cursor;
        const data = JSON.parse(message.data) as TelemetryEventData;
        const points = data.readings.map((r) => ({ t: Date.parse(r.timestamp), value: r.value, raw: r.raw_value }));
        windowed.current.set(data.sensor_id, appendWindowed(windowed.current.get(data.sensor_id) ?? [], points));
        dirty.current = true;
      });
      source.addEventListener("status", (event) => setLastStatus(JSON.parse((event as MessageEvent<string>).data) as StreamStatusEvent));
      source.onerror = () => {
        if (source?.readyState === EventSource.CONNECTING) return setState("reconnecting");
        source?.close();
        setState("offline");
        if (!stopped) retryTimer = setTimeout(() => (setState("reconnecting"), open()), retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      };
    };
    open();
    const publish = setInterval(() => {
      if (!dirty.current || pausedRef.current) return;
      dirty.current = false;
      setSeries(new Map(windowed.current));
    }, PUBLISH_MS);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(publish);
      source?.close();
    };
  }, [key]);

  return { state, series, lastStatus };
}
