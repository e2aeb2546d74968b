"use client";
// Several capture sessions (of one run, or of the runs being compared) on one time axis that starts at each session's
// own start, one chart per sensor.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../../../_components/error-notice";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { HistoryChart, toChartPoints, type ChartLine } from "./telemetry-history-chart";
import { formatOffset } from "./telemetry-history-format";

export interface SessionOption {
  id: string;
  ordinalNumber: number;
  /** Shown instead of "#<ordinal>", e.g. "Run A #2" when the sessions come from several runs. */
  label?: string;
}

const labelOf = (s: SessionOption | undefined) => s?.label ?? `#${s?.ordinalNumber ?? "?"}`;

const MAX_OVERLAY = 10;

export function TelemetryOverlay({ projectId, sessions, initial }: { projectId: string; sessions: SessionOption[]; initial?: string[] }) {
  const [picked, setPicked] = useState<string[]>(() => (initial ?? sessions.map((s) => s.id)).slice(0, MAX_OVERLAY));
  const toggle = (id: string, on: boolean) => setPicked((now) => (on ? [...now, id].slice(0, MAX_OVERLAY) : now.filter((p) => p !== id)));
  return (
    <div data-testid="history-overlay">
      <fieldset className="row" style={{ gap: "0.75rem", flexWrap: "wrap", border: 0, padding: 0, margin: "0.5rem 0" }}>
        <legend className="muted">Sessions to overlay (2–{MAX_OVERLAY}), aligned at their start</legend>
        {sessions.map((s) => (
          <label key={s.id} className="row" style={{ gap: "0.25rem" }}>
            <input type="checkbox" checked={picked.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} data-testid="overlay-session" />
            <span>{labelOf(s)}</span>
          </label>
        ))}
      </fieldset>
      {picked.length < 2 ? <p className="muted">Pick at least two sessions.</p> : <OverlayCharts projectId={projectId} sessionIds={picked} sessions={sessions} />}
    </div>
  );
}

function OverlayCharts({ projectId, sessionIds, sessions }: { projectId: string; sessionIds: string[]; sessions: SessionOption[] }) {
  const trpc = useTRPC();
  const [zoom, setZoom] = useState<{ from: number; to: number } | null>(null);
  const input = { projectId, captureSessionIds: sessionIds, ...(zoom ? { fromOffsetMs: zoom.from, toOffsetMs: zoom.to } : {}) };
  const query = useQuery({ ...trpc.telemetry.overlay.queryOptions(input), placeholderData: keepPreviousData });
  if (query.isPending) return <Skeleton lines={6} label="Loading session overlay" />;
  if (query.isError) return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  const { fromOffsetMs, toOffsetMs, series } = query.data;
  if (series.every((s) => s.points.length === 0) && !zoom) return <EmptyState title="These sessions have no telemetry yet" />;
  const label = (id: string) => labelOf(sessions.find((s) => s.id === id));
  const bySensor = new Map<string, { name: string; unit: string; lines: ChartLine[] }>();
  for (const s of series) {
    const entry = bySensor.get(s.sensorId) ?? { name: s.name, unit: s.unit, lines: [] };
    entry.lines.push({
      key: s.captureSessionId,
      label: label(s.captureSessionId),
      points: toChartPoints(s.points.map(({ offsetMs, ...p }) => ({ t: offsetMs, ...p })), 0, s.bucketMs),
    });
    bySensor.set(s.sensorId, entry);
  }
  const span = toOffsetMs - fromOffsetMs;
  return (
    <div aria-busy={query.isFetching}>
      <div className="row" style={{ gap: "0.5rem", margin: "0.5rem 0" }}>
        <span className="muted">
          {formatOffset(fromOffsetMs, span)} – {formatOffset(toOffsetMs, span)} from each session&apos;s start
        </span>
        {query.isFetching ? <span className="muted" role="status">Loading…</span> : null}
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => setZoom(null)} disabled={!zoom} data-testid="overlay-zoom-reset">
          Reset zoom
        </button>
      </div>
      {[...bySensor].map(([sensorId, s]) => (
        <HistoryChart
          key={sensorId}
          title={s.name}
          unit={s.unit}
          lines={s.lines}
          domain={[fromOffsetMs, toOffsetMs]}
          formatX={(x) => formatOffset(x, span)}
          onZoom={(from, to) => to - from >= 2 && setZoom({ from: Math.max(0, Math.floor(from)), to: Math.ceil(to) })}
          testId="overlay-chart"
        />
      ))}
    </div>
  );
}
