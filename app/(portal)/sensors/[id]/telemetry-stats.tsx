"use client";
// Live ingest figures of one sensor (last seen, readings/s, online, clock offset), refreshed every few seconds, and the
// switch that corrects incoming timestamps by the estimated clock offset.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DetailList } from "../../../_components/detail-list";
import { ErrorNotice } from "../../../_components/error-notice";
import { Skeleton } from "../../../_components/skeleton";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { DateTime } from "../../experiments/date-time";

const REFRESH_MS = 5_000;

interface Props {
  projectId: string;
  sensorId: string;
  canWrite: boolean;
}

/** "+1.25 s" / "−320 ms": positive means the device clock runs ahead of the server's. */
export function formatClockOffset(ms: number | null): string {
  if (ms === null) return "unknown (the sensor sends no sent_at)";
  const sign = ms < 0 ? "−" : "+";
  const abs = Math.abs(ms);
  return abs >= 1000 ? `${sign}${(abs / 1000).toFixed(2)} s` : `${sign}${Math.round(abs)} ms`;
}

export function TelemetryStats({ projectId, sensorId, canWrite }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stats = useQuery({ ...trpc.sensor.telemetryStats.queryOptions({ projectId, id: sensorId }), refetchInterval: REFRESH_MS });
  const toggle = useMutation(trpc.sensor.setClockCorrection.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function setCorrection(enabled: boolean) {
    setError(null);
    try {
      await toggle.mutateAsync({ projectId, id: sensorId, enabled });
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.telemetryStats.queryKey({ projectId, id: sensorId }) });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  let body;
  if (stats.isPending) body = <Skeleton lines={4} label="Loading telemetry" />;
  else if (stats.isError) body = <ErrorNotice message={messageOf(stats.error)} onRetry={() => void stats.refetch()} />;
  else {
    const s = stats.data;
    body = (
      <DetailList testId="sensor-telemetry-stats">
        <dt>Status</dt>
        <dd data-testid="sensor-online">{s.online ? <span className="badge">online</span> : <span className="muted">offline</span>}</dd>
        <dt>Last seen</dt>
        <dd data-testid="sensor-last-seen">{s.lastSeenAt ? <DateTime value={s.lastSeenAt} full /> : <span className="muted">never</span>}</dd>
        <dt>Readings/s (last minute)</dt>
        <dd data-testid="sensor-rate">{s.readingsPerSecondLastMinute.toFixed(1)}</dd>
        <dt>Token</dt>
        <dd className="mono">{s.tokenHint ?? <span className="muted">no active token</span>}</dd>
        <dt>Clock offset</dt>
        <dd data-testid="sensor-clock-offset">{formatClockOffset(s.clockOffsetMs)}</dd>
        <dt>Clock correction</dt>
        <dd>
          <label className="row" style={{ gap: "0.5rem" }}>
            <input
              type="checkbox"
              checked={s.clockCorrection}
              disabled={!canWrite || toggle.isPending}
              onChange={(e) => void setCorrection(e.target.checked)}
              data-testid="sensor-clock-correction"
            />
            Shift incoming timestamps by the estimated offset
          </label>
        </dd>
      </DetailList>
    );
  }
  return (
    <section className="card" aria-labelledby="sensor-telemetry-heading">
      <h2 id="sensor-telemetry-heading">Telemetry</h2>
      {error ? <ErrorNotice message={error} onRetry={() => setError(null)} /> : null}
      {body}
    </section>
  );
}
