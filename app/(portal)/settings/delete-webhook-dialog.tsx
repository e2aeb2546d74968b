"use client";
// Deleting an endpoint stops its deliveries, queued retries included, and drops its delivery log.
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
}

export function DeleteWebhookDialog({ webhook, onClose, projectId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.webhook.delete.mutationOptions());
  const form = useFormSubmit({
    schema: webhookIdInput,
    values: () => ({ projectId, id: webhook?.id }),
    submit: async (input) => {
      await remove.mutateAsync(input);
      toast.success("Webhook deleted");
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
    },
  });

  return (
    <FormDialog
      open={webhook !== null}
      onClose={onClose}
      title="Delete webhook"
      testId="webhook-delete-dialog"
      formLabel="Delete webhook"
      form={form}
      submit={{ label: "Delete webhook", pendingLabel: "Deleting…", variant: "danger", testId: "webhook-delete-submit" }}
    >
      <p>
        Delete the webhook to <strong className="mono">{webhook?.url}</strong>? It receives nothing more from this project, not even deliveries still
        waiting for a retry, and its delivery log goes with it. This cannot be undone.
      </p>
    </FormDialog>
  );
}
