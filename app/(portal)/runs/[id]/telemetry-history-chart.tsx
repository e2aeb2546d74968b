"use client";
// One sensor's history as a min/max band with the average on top (a one-sample spike stays visible at any zoom), or
// several sessions' averages and bands overlaid. Dragging across the chart selects a range to zoom into.
import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  /** Milliseconds: epoch time on the absolute axis, offset from the session start on the relative one. */
  x: number;
  /** null marks a gap (no readings, e.g. between sessions), where the line breaks instead of bridging it. */
  band: [number, number] | null;
  avg: number | null;
}

/** Chart points at `x = t - origin`, with a break wherever readings stop for much longer than their usual spacing. */
export function toChartPoints(points: { t: number; min: number; max: number; avg: number }[], origin: number, bucketMs: number | null): ChartPoint[] {
  const steps = points.slice(1).map((p, i) => p.t - points[i]!.t).sort((a, b) => a - b);
  const gap = Math.max(10 * (steps[Math.floor(steps.length / 2)] ?? 0), 2 * (bucketMs ?? 0), 1);
  const out: ChartPoint[] = [];
  points.forEach((p, i) => {
    const previous = points[i - 1];
    if (previous && p.t - previous.t > gap) out.push({ x: (previous.t + p.t) / 2 - origin, band: null, avg: null });
    out.push({ x: p.t - origin, band: [p.min, p.max], avg: p.avg });
  });
  return out;
}

export interface ChartLine {
  key: string;
  label: string;
  points: ChartPoint[];
}

export const LINE_COLORS = ["#2456d6", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#e67700", "#5c940d", "#364fc7", "#495057"];

interface Props {
  title: string;
  unit: string;
  lines: ChartLine[];
  domain: [number, number];
  formatX: (x: number) => string;
  onZoom: (from: number, to: number) => void;
  testId?: string;
}

function xOf(state: unknown): number | null {
  const label = (state as { activeLabel?: unknown } | null)?.activeLabel;
  const x = typeof label === "number" ? label : Number(label);
  return label === undefined || label === null || Number.isNaN(x) ? null : x;
}

export function HistoryChart({ title, unit, lines, domain, formatX, onZoom, testId = "history-chart" }: Props) {
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const points = lines.reduce((n, l) => n + l.points.length, 0);
  const finish = () => {
    if (drag && Math.abs(drag.to - drag.from) > 0) onZoom(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to));
    setDrag(null);
  };
  const value = (v: number) => `${v.toPrecision(6)}${unit ? ` ${unit}` : ""}`;
  return (
    <figure style={{ margin: "0 0 1rem" }} data-testid={testId} data-points={points}>
      <figcaption className="row" style={{ gap: "0.5rem" }}>
        <strong>{title}</strong>
        {unit ? <span className="muted">({unit})</span> : null}
      </figcaption>
      <div style={{ width: "100%", height: 220, userSelect: "none" }} role="img" aria-label={`History of ${title}; drag across the chart to zoom`}>
        <ResponsiveContainer>
          <ComposedChart
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            onMouseDown={(state) => {
              const x = xOf(state);
              if (x !== null) setDrag({ from: x, to: x });
            }}
            onMouseMove={(state) => {
              const x = xOf(state);
              if (drag && x !== null) setDrag({ ...drag, to: x });
            }}
            onMouseUp={finish}
            onMouseLeave={() => setDrag(null)}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e6eb" />
            <XAxis dataKey="x" type="number" domain={domain} tickFormatter={formatX} allowDataOverflow allowDuplicatedCategory={false} />
            <YAxis domain={["auto", "auto"]} width={72} tickFormatter={(v: number) => v.toPrecision(4)} />
            <Tooltip labelFormatter={(x) => formatX(Number(x))} formatter={(v) => (Array.isArray(v) ? `${value(Number(v[0]))} … ${value(Number(v[1]))}` : value(Number(v)))} />
            {lines.map((line, i) => {
              const color = LINE_COLORS[i % LINE_COLORS.length]!;
              return [
                <Area key={`${line.key}-band`} data={line.points} dataKey="band" name={`${line.label} min…max`} stroke="none" fill={color} fillOpacity={0.18} isAnimationActive={false} />,
                <Line key={`${line.key}-avg`} data={line.points} dataKey="avg" name={`${line.label} avg`} stroke={color} dot={false} strokeWidth={1.25} isAnimationActive={false} />,
              ];
            })}
            {drag ? <ReferenceArea x1={drag.from} x2={drag.to} strokeOpacity={0.3} fill="#2456d6" fillOpacity={0.15} /> : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
