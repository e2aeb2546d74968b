// The sensor's own fields as a term/value grid.
import { CodeBlock, DetailList } from "../../../_components/detail-list";
import { prettyJson } from "../../../_lib/json";
import type { SensorDetails } from "../sensor-types";

export function SensorInfo({ sensor }: { sensor: SensorDetails }) {
  const hasMetadata = Object.keys(sensor.metadata).length > 0;
  return (
    <section className="card" aria-labelledby="sensor-details-heading">
      <h2 id="sensor-details-heading">Details</h2>
      <DetailList testId="sensor-details">
        <dt>Type</dt>
        <dd>{sensor.type}</dd>
        <dt>Raw unit</dt>
        <dd>{sensor.rawUnit}</dd>
        <dt>Physical unit</dt>
        <dd>{sensor.unit}</dd>
        <dt>Description</dt>
        <dd style={{ whiteSpace: "pre-wrap" }}>{sensor.description || <span className="muted">—</span>}</dd>
        <dt>Metadata</dt>
        <dd>{hasMetadata ? <CodeBlock maxHeight="12rem">{prettyJson(sensor.metadata)}</CodeBlock> : <span className="muted">—</span>}</dd>
      </DetailList>
    </section>
  );
}
