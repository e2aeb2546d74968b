import { EmptyState } from "../../_components/skeleton";

export default function SensorsPage() {
  return (
    <>
      <h1>Sensors</h1>
      <EmptyState title="No sensors yet">
        <p>Registering sensors, their ingest tokens and conversion profiles arrives with the telemetry release.</p>
      </EmptyState>
    </>
  );
}
