"use client";
// A run's duration; while the run is running it counts up every second from its start.
import type { RunStatus } from "@/domain/run/status";
import { formatDuration } from "../../../_lib/duration";
import { useNow } from "../../../_lib/use-now";

interface Props {
  status: RunStatus;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** What the server computed (final once the run finished). */
  durationMs: number | null;
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
