"use client";
// The sensor's ingest credentials (hints only; a token's plaintext is shown once), rotation and revocation.
import { useState } from "react";
import { DataTable } from "../../../_components/data-table";
import { DateTime } from "../../experiments/date-time";
import type { SensorCredential, SensorDetails } from "../sensor-types";
import { TokenDialog } from "../token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { RotateTokenDialog } from "./rotate-token-dialog";

const COLUMNS = ["Token", "Created", "Expires", "Revoked", "Status", ""] as const;

interface Props {
  projectId: string;
  sensor: SensorDetails;
  canWrite: boolean;
}

export function SensorTokens({ projectId, sensor, canWrite }: Props) {
  const [rotating, setRotating] = useState(false);
  const [revoking, setRevoking] = useState<SensorCredential | null>(null);
  const [token, setToken] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="sensor-tokens-heading">
      <div className="row">
        <h2 id="sensor-tokens-heading">Tokens</h2>
        <span className="spacer" />
        {canWrite ? (
          <button type="button" className="btn" onClick={() => setRotating(true)} data-testid="sensor-rotate-button">
            Rotate token
          </button>
        ) : null}
      </div>
      {sensor.credentials.length === 0 ? (
        <p className="muted">No tokens.</p>
      ) : (
        <DataTable columns={COLUMNS} aria-labelledby="sensor-tokens-heading">
          {sensor.credentials.map((c) => (
            <tr key={c.id} data-testid="sensor-credential-row">
              <td className="mono">{c.hint}</td>
              <td>
                <DateTime value={c.createdAt} full />
              </td>
              <td>{c.expiresAt ? <DateTime value={c.expiresAt} full /> : <span className="muted">never</span>}</td>
              <td>{c.revokedAt ? <DateTime value={c.revokedAt} full /> : <span className="muted">—</span>}</td>
              <td>{c.active ? <span className="badge">active</span> : <span className="muted">inactive</span>}</td>
              <td>
                {canWrite && c.active ? (
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setRevoking(c)} aria-label={`Revoke token ${c.hint}`}>
                    Revoke
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {canWrite ? (
        <>
          <RotateTokenDialog open={rotating} onClose={() => setRotating(false)} projectId={projectId} sensorId={sensor.id} onRotated={setToken} />
          <RevokeTokenDialog credential={revoking} onClose={() => setRevoking(null)} projectId={projectId} sensorId={sensor.id} />
        </>
      ) : null}
      <TokenDialog token={token} onClose={() => setToken(null)} title="New sensor token" />
    </section>
  );
}
