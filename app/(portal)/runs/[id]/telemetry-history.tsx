"use client";
// Historical telemetry of the run, or of one capture session (?session=<id>): a downsampled chart per sensor; dragging
// across a chart zooms every chart and refetches at finer resolution. Overlay mode aligns several sessions at their start.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorNotice } from "../../../_components/error-notice";
import { EmptyState, Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { useUrlParams } from "../../../_lib/use-url-params";
import { HistoryChart, toChartPoints } from "./telemetry-history-chart";
import { describeResolution, formatClock, formatOffset } from "./telemetry-history-format";
import { TelemetryOverlay, type SessionOption } from "./telemetry-history-overlay";

type Axis = "absolute" | "relative";
type Range = { from: number; to: number };

export function TelemetryHistory({ projectId, runId }: { projectId: string; runId: string }) {
  const trpc = useTRPC();
  const { params, setParam } = useUrlParams();
  const [overlay, setOverlay] = useState(false);
  const [axis, setAxis] = useState<Axis>("absolute");
  const sessionList = useQuery(trpc.captureSession.list.queryOptions({ projectId, runId }));
  const sessions: SessionOption[] = sessionList.data ?? [];
  const sessionId = sessions.some((s) => s.id === params.get("session")) ? params.get("session")! : "";
  const exportQuery = new URLSearchParams({ project_id: projectId, ...(sessionId ? { capture_session_id: sessionId } : { run_id: runId }) });
  return (
    <section className="card" aria-labelledby="telemetry-history-heading" data-testid="telemetry-history">
      <div className="row" style={{ gap: "0.75rem", flexWrap: "wrap" }}>
        <h2 id="telemetry-history-heading">Telemetry history</h2>
        <span className="spacer" />
        <label className="row" style={{ gap: "0.25rem" }}>
          <span>Show</span>
          <select value={overlay ? "overlay" : sessionId} onChange={(e) => pick(e.target.value)} data-testid="history-session-picker">
            <option value="">Whole run</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                Session #{s.ordinalNumber}
              </option>
            ))}
            {sessions.length >= 2 ? <option value="overlay">Overlay sessions…</option> : null}
          </select>
        </label>
        {overlay ? null : (
          <label className="row" style={{ gap: "0.25rem" }}>
            <input type="checkbox" checked={axis === "relative"} onChange={(e) => setAxis(e.target.checked ? "relative" : "absolute")} data-testid="history-relative-axis" />
            <span>Time since session start</span>
          </label>
        )}
        <a className="btn btn-small" href={`/api/v1/export/telemetry?${exportQuery}`} download data-testid="history-export-csv">
          Export CSV
        </a>
      </div>
      {overlay ? (
        <TelemetryOverlay projectId={projectId} sessions={sessions} />
      ) : (
        <SeriesView key={sessionId || "run"} projectId={projectId} runId={runId} sessionId={sessionId} axis={axis} />
      )}
    </section>
  );

  function pick(value: string) {
    setOverlay(value === "overlay");
    if (value !== "overlay") setParam("session", value);
  }
}

function SeriesView({ projectId, runId, sessionId, axis }: { projectId: string; runId: string; sessionId: string; axis: Axis }) {
  const trpc = useTRPC();
  const [zoom, setZoom] = useState<Range | null>(null);
  const input = {
    projectId,
    ...(sessionId ? { captureSessionId: sessionId } : { runId }),
    ...(zoom ? { from: new Date(zoom.from), to: new Date(zoom.to) } : {}),
  };
  const query = useQuery({ ...trpc.telemetry.series.queryOptions(input), placeholderData: keepPreviousData });
  if (query.isPending) return <Skeleton lines={6} label="Loading telemetry history" />;
  if (query.isError) return <ErrorNotice message={messageOf(query.error)} onRetry={() => void query.refetch()} />;
  const { range, originMs, series } = query.data;
  if (!range || (series.every((s) => s.points.length === 0) && !zoom)) {
    return (
      <EmptyState title="No telemetry recorded yet">
        <p className="muted" data-testid="history-empty">Readings stored for this {sessionId ? "session" : "run"} are charted here.</p>
      </EmptyState>
    );
  }
  const origin = axis === "relative" ? (originMs ?? range.fromMs) : 0;
  const span = range.toMs - range.fromMs;
  const formatX = (x: number) => (axis === "relative" ? formatOffset(x, span) : formatClock(x, span));
  return (
    <div aria-busy={query.isFetching}>
      <div className="row" style={{ gap: "0.5rem", margin: "0.5rem 0" }}>
        <span className="muted" data-testid="history-range">
          {formatX(range.fromMs - origin)} – {formatX(range.toMs - origin)} · {describeResolution(series[0]?.source ?? "points", series[0]?.bucketMs ?? null)}
        </span>
        {query.isFetching ? <span className="muted" role="status">Loading…</span> : null}
        <span className="spacer" />
        <span className="muted">Drag across a chart to zoom.</span>
        <button type="button" className="btn btn-small" onClick={() => span >= 4 && setZoom(halve(range))} data-testid="history-zoom-in">
          Zoom in
        </button>
        <button type="button" className="btn btn-small" onClick={() => setZoom(null)} disabled={!zoom} data-testid="history-zoom-reset">
          Reset zoom
        </button>
      </div>
      {series.map((s) => (
        <HistoryChart
          key={s.sensorId}
          title={s.name}
          unit={s.unit}
          lines={[{ key: s.sensorId, label: s.name, points: toChartPoints(s.points, origin, s.bucketMs) }]}
          domain={[range.fromMs - origin, range.toMs - origin]}
          formatX={formatX}
          onZoom={(from, to) => to - from >= 2 && setZoom({ from: Math.floor(from + origin), to: Math.ceil(to + origin) })}
        />
      ))}
    </div>
  );
}

/** The middle half of a range: the keyboard's way to zoom. */
function halve(range: { fromMs: number; toMs: number }): Range {
  const quarter = (range.toMs - range.fromMs) / 4;
  return { from: Math.round(range.fromMs + quarter), to: Math.round(range.toMs - quarter) };
}
