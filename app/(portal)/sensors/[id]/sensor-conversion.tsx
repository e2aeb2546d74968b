"use client";
// Conversion profile versions (append-only), which one is active, and a new version through the editor.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { describeConversion } from "@/domain/conversion/profile";
import { DataTable } from "../../../_components/data-table";
import { ErrorNotice } from "../../../_components/error-notice";
import { messageOf } from "../../../_lib/errors";
import { useTRPC } from "../../../_lib/trpc";
import { DateTime } from "../../experiments/date-time";
import type { SensorDetails } from "../sensor-types";
import { ProfileEditorDialog } from "./profile-editor-dialog";

const COLUMNS = ["Version", "Conversion", "Created", "Status", ""] as const;

interface Props {
  projectId: string;
  sensor: SensorDetails;
  canWrite: boolean;
}

export function SensorConversion({ projectId, sensor, canWrite }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const activate = useMutation(trpc.sensor.activateProfile.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = sensor.profiles.find((p) => p.active) ?? sensor.profiles[0];

  async function activateVersion(version: number) {
    setError(null);
    try {
      await activate.mutateAsync({ projectId, id: sensor.id, version });
      toast.success(`Version ${version} is now active`);
      await queryClient.invalidateQueries({ queryKey: trpc.sensor.pathKey() });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section className="card" aria-labelledby="sensor-conversion-heading">
      <div className="row">
        <h2 id="sensor-conversion-heading">Conversion</h2>
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn" onClick={() => setEditing(true)} data-testid="sensor-profile-new">
            New version
          </button>
        ) : null}
      </div>
      <p className="muted">
        Turns raw readings in {sensor.rawUnit} into {sensor.unit}.
      </p>
      {error ? <ErrorNotice message={error} onRetry={() => setError(null)} /> : null}
      <DataTable columns={COLUMNS} aria-labelledby="sensor-conversion-heading">
        {sensor.profiles.map((p) => (
          <tr key={p.version} data-testid="sensor-profile-row">
            <td>v{p.version}</td>
            <td className="mono">{describeConversion(p.spec)}</td>
            <td>
              <DateTime value={p.createdAt} full />
            </td>
            <td>{p.active ? <span className="badge">active</span> : null}</td>
            <td>
              {canWrite && !p.active ? (
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void activateVersion(p.version)}
                  disabled={activate.isPending}
                  aria-label={`Activate version ${p.version}`}
                >
                  Activate
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {canWrite && editing ? (
        <ProfileEditorDialog open onClose={() => setEditing(false)} projectId={projectId} sensorId={sensor.id} initial={active?.spec} />
      ) : null}
    </section>
  );
}
