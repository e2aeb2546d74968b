"use client";
// Where live telemetry is mounted: a "Live telemetry" panel on the run page (the run's sensors from runSensor.list)
// and a "Live telemetry" button on the sensor page that opens a dialog streaming that one sensor.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "../_lib/errors";
import { useTRPC } from "../_lib/trpc";
import { Dialog } from "./dialog";
import { ErrorNotice } from "./error-notice";
import { LiveTelemetry, type SensorLabel } from "./live-telemetry";

export function LiveTelemetryPanel({ projectId, runId }: { projectId: string; runId: string }) {
  const trpc = useTRPC();
  const sensors = useQuery(trpc.runSensor.list.queryOptions({ projectId, runId }));
  return (
    <section className="card" aria-labelledby="live-telemetry-heading" data-testid="live-telemetry-panel">
      <h2 id="live-telemetry-heading">Live telemetry</h2>
      {sensors.isError ? <ErrorNotice message={messageOf(sensors.error)} onRetry={() => void sensors.refetch()} /> : null}
      <LiveTelemetry target={{ runId }} sensors={sensors.data ?? []} />
    </section>
  );
}

export function LiveTelemetryButton({ sensor }: { sensor: SensorLabel }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="sensor-live-telemetry-button">
        Live telemetry
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Live telemetry: ${sensor.name}`} testId="telemetry-dialog">
        <div className="dialog-body">
          {open ? <LiveTelemetry target={{ sensorIds: [sensor.id] }} sensors={[sensor]} /> : null}
        </div>
      </Dialog>
    </>
  );
}
