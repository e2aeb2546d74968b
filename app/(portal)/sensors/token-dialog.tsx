"use client";
// A new ingest token, shown once.
import { SecretOnceDialog } from "../../_components/secret-once-dialog";

export function TokenDialog({ token, onClose, title = "Sensor token" }: { token: string | null; onClose: () => void; title?: string }) {
  return (
    <SecretOnceDialog
      value={token}
      onClose={onClose}
      title={title}
      label="Token"
      warning="This token is shown once. Store it in the sensor's firmware now."
      testId="sensor-token"
    />
  );
}
