"use client";
// A webhook's signing secret, shown once.
import { SecretOnceDialog } from "../../_components/secret-once-dialog";

export function WebhookSecretDialog({ secret, onClose, title }: { secret: string | null; onClose: () => void; title: string }) {
  return (
    <SecretOnceDialog
      value={secret}
      onClose={onClose}
      title={title}
      label="Signing secret"
      warning="This signing secret will not be shown again. Store it with your receiver now."
      testId="webhook-secret"
    >
      <p className="muted">
        Your receiver checks each request&apos;s <span className="mono">x-etp-signature</span> header with it (see docs/api.md#webhooks).
      </p>
    </SecretOnceDialog>
  );
}
