"use client";
// Live charts of a run's, session's or sensor's telemetry, one recharts line per sensor in its physical unit, with
// the connection state and pause/resume. Pausing freezes the view only: the stream stays connected and the rolling
// window keeps filling, so resuming shows the latest minute at once without a replay.
import { useState, type CSSProperties } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTelemetryStream, type StreamPoint, type StreamState, type StreamTarget } from "../_lib/use-telemetry-stream";

export interface SensorLabel {
  id: string;
  name: string;
  unit: string;
}

const STATE_TEXT: Record<StreamState, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…", offline: "Offline, retrying" };
const STATE_STYLE: Record<StreamState, CSSProperties> = {
  connecting: { background: "#eef0f3", color: "var(--muted)" },
  live: { background: "#e3f4ea", color: "var(--ok)" },
  reconnecting: { background: "var(--accent-weak)", color: "var(--accent)" },
  offline: { background: "var(--danger-weak)", color: "var(--danger)" },
};

const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour12: false });

interface Props {
  target: StreamTarget;
  /** Names and units of the sensors expected on this stream; a sensor that streams without one shows by id. */
  sensors: SensorLabel[];
}

export function LiveTelemetry({ target, sensors }: Props) {
  const [paused, setPaused] = useState(false);
  const { state, series, lastStatus } = useTelemetryStream(target, { paused });
  const ids = [...new Set([...sensors.map((s) => s.id), ...series.keys()])];
  const labelOf = (id: string) => sensors.find((s) => s.id === id) ?? { id, name: `Sensor ${id.slice(0, 8)}`, unit: "" };
  return (
    <div data-testid="live-telemetry">
      <div className="row" style={{ gap: "0.5rem", marginBottom: "0.5rem" }}>
        <span className="badge" role="status" style={STATE_STYLE[state]} data-testid="stream-state" data-state={state}>
          {STATE_TEXT[state]}
        </span>
        {paused ? <span className="muted">Paused: the view is frozen, data keeps arriving.</span> : null}
        {lastStatus ? (
          <span className="muted" data-testid="stream-last-status">
            {lastStatus.kind === "run" ? "Run" : "Capture session"} is now {lastStatus.status}
          </span>
        ) : null}
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => setPaused((p) => !p)} aria-pressed={paused} data-testid="stream-pause">
          {paused ? "Resume" : "Pause"}
        </button>
      </div>
      {ids.length === 0 ? (
        <p className="muted" data-testid="live-telemetry-empty">
          No sensors on this stream yet. Readings appear here as soon as a sensor sends them.
        </p>
      ) : (
        ids.map((id) => <SensorChart key={id} sensor={labelOf(id)} points={series.get(id) ?? []} />)
      )}
    </div>
  );
}

function SensorChart({ sensor, points }: { sensor: SensorLabel; points: StreamPoint[] }) {
  const latest = points[points.length - 1];
  return (
    <figure style={{ margin: "0 0 1rem" }} data-testid="live-chart" data-sensor-id={sensor.id} data-points={points.length}>
      <figcaption className="row" style={{ gap: "0.5rem" }}>
        <strong>{sensor.name}</strong>
        {sensor.unit ? <span className="muted">({sensor.unit})</span> : null}
        <span className="spacer" />
        <span className="mono" data-testid="live-latest-value">
          {latest ? `${latest.value.toPrecision(6)} ${sensor.unit}` : "Waiting for readings…"}
        </span>
      </figcaption>
      <div style={{ width: "100%", height: 200 }} aria-label={`Live chart of ${sensor.name}`} role="img">
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={clock} minTickGap={40} />
            <YAxis dataKey="value" domain={["auto", "auto"]} width={56} tickFormatter={(v: number) => String(Number(v.toPrecision(4)))} />
            <Tooltip labelFormatter={(t) => clock(Number(t))} formatter={(v) => [`${Number(v).toPrecision(6)} ${sensor.unit}`, sensor.name]} />
            <Line type="linear" dataKey="value" stroke="#2456d6" dot={false} isAnimationActive={false} strokeWidth={1.5} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
