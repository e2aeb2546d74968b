"use client";
// A run's duration; while the run is running it counts up every second from its start.
import { useEffect, useState } from "react";
import type { RunStatus } from "@/domain/run/status";
import { formatDuration } from "./runs-format";

interface Props {
  status: RunStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** What the server computed (final once the run finished). */
  durationMs: number | null;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function RunDuration({ status, startedAt, finishedAt, durationMs }: Props) {
  const live = status === "running" && startedAt !== null && finishedAt === null;
  const now = useNow(live);
  const ms = live ? Math.max(0, now - new Date(startedAt).getTime()) : durationMs;
  return (
    <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }} data-testid="run-duration" data-live={live || undefined}>
      {formatDuration(ms)}
    </span>
  );
}
