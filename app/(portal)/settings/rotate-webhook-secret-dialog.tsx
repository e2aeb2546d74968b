"use client";
// Rotating replaces the signing secret at once: deliveries from now on are signed with the new one only.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { webhookIdInput } from "@/contracts/webhook";
import { FormDialog } from "../../_components/dialog";
import { useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";
import type { Webhook } from "./webhook-types";

interface Props {
  webhook: Webhook | null;
  onClose: () => void;
  projectId: string;
  onRotated: (secret: string) => void;
}

export function RotateWebhookSecretDialog({ webhook, onClose, projectId, onRotated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(trpc.webhook.rotateSecret.mutationOptions());
  const form = useFormSubmit({
    schema: webhookIdInput,
    values: () => ({ projectId, id: webhook?.id }),
    submit: async (input) => {
      const { secret } = await rotate.mutateAsync(input);
      toast.success("Signing secret rotated");
      onClose();
      onRotated(secret);
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
    },
  });

  return (
    <FormDialog
      open={webhook !== null}
      onClose={onClose}
      title="Rotate signing secret"
      testId="webhook-rotate-dialog"
      formLabel="Rotate signing secret"
      form={form}
      submit={{ label: "Rotate secret", pendingLabel: "Rotating…", testId: "webhook-rotate-submit" }}
    >
      <p>
        Issue a new signing secret for <strong className="mono">{webhook?.url}</strong>?
      </p>
      <p className="muted">
        The current secret (<span className="mono">{webhook?.secretHint}</span>) stops at once: every delivery from now on, retries included, is signed
        with the new one. Update your receiver right after.
      </p>
    </FormDialog>
  );
}
