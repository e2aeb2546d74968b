// One sensor in the list: name linking to its page, type, units, live token hint, active conversion version, projects.
import Link from "next/link";
import { unitLabel } from "./sensor-format";
import type { SensorListItem } from "./sensor-types";

export const SENSOR_COLUMNS = ["Name", "Type", "Unit (raw → physical)", "Token", "Conversion", "Projects"] as const;

export function SensorRow({ sensor }: { sensor: SensorListItem }) {
  return (
    <tr data-testid="sensor-row">
      <td style={{ minWidth: "12rem" }}>
        <Link href={`/sensors/${sensor.id}`}>
          <strong>{sensor.name}</strong>
        </Link>
      </td>
      <td>{sensor.type}</td>
      <td style={{ whiteSpace: "nowrap" }}>{unitLabel(sensor)}</td>
      <td className="mono">{sensor.tokenHint ?? <span className="muted">no live token</span>}</td>
      <td>{sensor.activeProfileVersion === null ? <span className="muted">none</span> : `v${sensor.activeProfileVersion}`}</td>
      <td>{sensor.projectCount}</td>
    </tr>
  );
}
