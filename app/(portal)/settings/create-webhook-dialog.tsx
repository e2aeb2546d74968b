"use client";
// Adding a webhook endpoint. One idempotency key per attempt (as for sensors): a retry of the same values reuses it, so
// the server creates one endpoint and returns its secret again; changed values are a new attempt with a new key.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { FormDialog } from "../../_components/dialog";
import { useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";
import { useAttemptKey } from "../../_lib/idempotency-key";
import { WebhookFields } from "./webhook-fields";
import { createWebhookForm, createWebhookFormValues } from "./webhook-form";

interface Props {
  open: boolean;
  onClose: () => void;
  projectId: string;
  /** The signing secret of the new endpoint, to be shown once. */
  onCreated: (secret: string) => void;
}

export function CreateWebhookDialog({ open, onClose, projectId, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.webhook.create.mutationOptions());
  const attempt = useAttemptKey();

  const form = useFormSubmit({
    schema: createWebhookForm,
    values: (fields) => createWebhookFormValues(fields, projectId),
    submit: async (input) => {
      const { secret } = await create.mutateAsync({ ...input, idempotencyKey: attempt.keyFor(input) });
      attempt.done();
      toast.success("Webhook added");
      onClose();
      onCreated(secret);
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
    },
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Add webhook"
      testId="webhook-create-dialog"
      formLabel="Add webhook"
      form={form}
      submit={{ label: "Add webhook", pendingLabel: "Adding…", testId: "webhook-create-submit" }}
    >
      <WebhookFields errors={form.errors} idPrefix="webhook-create" autoFocus />
    </FormDialog>
  );
}
