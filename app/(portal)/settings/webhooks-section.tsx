"use client";
// The project's webhook endpoints (owners only): every change in the project is POSTed to them as signed JSON. Adding
// one or rotating its secret shows the secret once; each endpoint can be edited, paused, resumed, deleted and its
// deliveries looked at and sent again.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { MAX_WEBHOOKS_PER_PROJECT } from "@/contracts/webhook";
import { DataTable } from "../../_components/data-table";
import { ErrorNotice } from "../../_components/error-notice";
import { FormError } from "../../_components/form";
import { Skeleton } from "../../_components/skeleton";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { CreateWebhookDialog } from "./create-webhook-dialog";
import { DeleteWebhookDialog } from "./delete-webhook-dialog";
import { EditWebhookDialog } from "./edit-webhook-dialog";
import { RotateWebhookSecretDialog } from "./rotate-webhook-secret-dialog";
import { WebhookDeliveriesDialog } from "./webhook-deliveries-dialog";
import { WEBHOOK_COLUMNS, WebhookRow } from "./webhook-row";
import { WebhookSecretDialog } from "./webhook-secret-dialog";
import type { Webhook } from "./webhook-types";

type EndpointDialog = "edit" | "rotate" | "delete" | "deliveries";
type OpenDialog = { kind: "add" } | { kind: EndpointDialog; webhook: Webhook } | null;

export function WebhooksSection({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhook.list.queryOptions({ projectId }));
  const update = useMutation(trpc.webhook.update.mutationOptions());
  const ping = useMutation(trpc.webhook.ping.mutationOptions());
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [secret, setSecret] = useState<{ value: string; title: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => setDialog(null);
  const webhooks = list.data ?? [];
  // The endpoint as currently listed, so a dialog that stays open follows changes made meanwhile.
  const opened = (kind: EndpointDialog) =>
    dialog && dialog.kind === kind ? (webhooks.find((w) => w.id === dialog.webhook.id) ?? dialog.webhook) : null;

  async function setActive(webhook: Webhook, active: boolean) {
    setError(null);
    try {
      await update.mutateAsync({ projectId, id: webhook.id, active });
      toast.success(active ? "Webhook resumed" : "Webhook paused");
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function sendTest(webhook: Webhook) {
    setError(null);
    try {
      await ping.mutateAsync({ projectId, id: webhook.id });
      toast.success("Test event queued: open Deliveries to see it arrive");
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const full = webhooks.length >= MAX_WEBHOOKS_PER_PROJECT;
  const toggling = update.isPending ? update.variables?.id : undefined;

  return (
    <section className="card" aria-labelledby="webhooks-heading" data-testid="webhooks-section">
      <div className="row">
        <h2 id="webhooks-heading">Webhooks</h2>
        <span className="spacer" />
        <button
          type="button"
          className="btn"
          onClick={() => setDialog({ kind: "add" })}
          disabled={!list.data || full}
          title={full ? `A project can have at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks` : undefined}
          data-testid="webhook-add-button"
        >
          Add webhook
        </button>
      </div>
      {webhooks.length > 0 ? (
        <p className="muted">
          Every change in this project is sent as a signed JSON POST to the endpoints below. Check each request&apos;s{" "}
          <span className="mono">x-etp-signature</span> header with the endpoint&apos;s secret; docs/api.md#webhooks shows how.
        </p>
      ) : null}
      <FormError message={error} />
      {list.isLoading ? (
        <Skeleton lines={3} label="Loading webhooks" />
      ) : list.error ? (
        <ErrorNotice message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : webhooks.length === 0 ? (
        <div className="empty" data-testid="webhooks-empty">
          <strong>No webhooks yet</strong>
          <p>
            Add an endpoint to have every change in this project (an experiment created, a run&apos;s status changed, a member added, …) POSTed to it
            as JSON, or only the events you pick.
          </p>
          <p>
            Each request is signed: <span className="mono">x-etp-signature: t=…,v1=…</span> is an HMAC-SHA256 of the timestamp and the raw body with
            the endpoint&apos;s secret. See docs/api.md#webhooks for verifying it.
          </p>
        </div>
      ) : (
        <DataTable columns={WEBHOOK_COLUMNS} aria-labelledby="webhooks-heading" testId="webhook-table" busy={list.isFetching}>
          {webhooks.map((webhook) => (
            <WebhookRow
              key={webhook.id}
              webhook={webhook}
              busy={toggling === webhook.id}
              onSetActive={(active) => void setActive(webhook, active)}
              onDeliveries={() => setDialog({ kind: "deliveries", webhook })}
              onEdit={() => setDialog({ kind: "edit", webhook })}
              onPing={() => void sendTest(webhook)}
              pinging={ping.isPending && ping.variables?.id === webhook.id}
              onRotate={() => setDialog({ kind: "rotate", webhook })}
              onDelete={() => setDialog({ kind: "delete", webhook })}
            />
          ))}
        </DataTable>
      )}

      <CreateWebhookDialog
        open={dialog?.kind === "add"}
        onClose={close}
        projectId={projectId}
        onCreated={(value) => setSecret({ value, title: "Signing secret of the new webhook" })}
      />
      <EditWebhookDialog webhook={opened("edit")} onClose={close} projectId={projectId} />
      <RotateWebhookSecretDialog
        webhook={opened("rotate")}
        onClose={close}
        projectId={projectId}
        onRotated={(value) => setSecret({ value, title: "New signing secret" })}
      />
      <DeleteWebhookDialog webhook={opened("delete")} onClose={close} projectId={projectId} />
      <WebhookDeliveriesDialog webhook={opened("deliveries")} onClose={close} projectId={projectId} />
      <WebhookSecretDialog secret={secret?.value ?? null} title={secret?.title ?? "Signing secret"} onClose={() => setSecret(null)} />
    </section>
  );
}
