"use client";
// Editing a webhook's address, description and events; sends only what changed, so the audit shows what was touched.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { FormDialog } from "../../_components/dialog";
import { useFormSubmit } from "../../_components/form";
import { useTRPC } from "../../_lib/trpc";
import { WebhookFields } from "./webhook-fields";
import { editWebhookForm } from "./webhook-form";
import type { Webhook } from "./webhook-types";

interface Props {
  webhook: Webhook | null;
  onClose: () => void;
  projectId: string;
}

export function EditWebhookDialog({ webhook, onClose, projectId }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.webhook.update.mutationOptions());
  const form = useFormSubmit({
    schema: editWebhookForm,
    values: (fields) => ({ projectId, id: webhook?.id ?? "", url: fields.url ?? "", description: fields.description ?? "", events: fields.events ?? "" }),
    submit: async ({ url, description, events }) => {
      if (!webhook) return;
      const changes = {
        ...(url !== webhook.url ? { url } : {}),
        ...(description !== webhook.description ? { description } : {}),
        ...(events?.join(",") !== webhook.events.join(",") ? { events } : {}),
      };
      if (Object.keys(changes).length === 0) {
        toast.info("Nothing changed");
        onClose();
        return;
      }
      await update.mutateAsync({ projectId, id: webhook.id, ...changes });
      toast.success("Webhook saved");
      onClose();
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
    },
  });

  return (
    <FormDialog
      open={webhook !== null}
      onClose={onClose}
      title="Edit webhook"
      testId="webhook-edit-dialog"
      formLabel="Edit webhook"
      form={form}
      submit={{ label: "Save", pendingLabel: "Saving…", testId: "webhook-edit-submit" }}
    >
      {webhook ? <WebhookFields key={webhook.id} errors={form.errors} idPrefix="webhook-edit" defaults={webhook} autoFocus /> : null}
    </FormDialog>
  );
}
