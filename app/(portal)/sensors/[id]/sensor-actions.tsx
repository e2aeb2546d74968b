"use client";
// Edit and delete, for members who may write sensors. Each dialog is mounted only while open.
import { useState } from "react";
import type { SensorDetails } from "../sensor-types";
import { DeleteSensorDialog } from "./delete-sensor-dialog";
import { EditSensorDialog } from "./edit-sensor-dialog";

export function SensorActions({ projectId, sensor }: { projectId: string; sensor: SensorDetails }) {
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const close = () => setDialog(null);
  return (
    <div className="row" role="group" aria-label="Sensor actions">
      <button type="button" className="btn" onClick={() => setDialog("edit")} data-testid="sensor-edit-button">
        Edit
      </button>
      <button type="button" className="btn btn-danger" onClick={() => setDialog("delete")} data-testid="sensor-delete-button">
        Delete
      </button>
      <EditSensorDialog open={dialog === "edit"} onClose={close} projectId={projectId} sensor={sensor} />
      <DeleteSensorDialog open={dialog === "delete"} onClose={close} projectId={projectId} sensor={sensor} />
    </div>
  );
}
