"use client";
// One endpoint's recent deliveries, newest first, refreshed every few seconds while the dialog is open so retries and
// outcomes show up on their own; a delivered or failed one can be sent again.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { DataTable } from "../../_components/data-table";
import { Dialog } from "../../_components/dialog";
import { FormError } from "../../_components/form";
import { PagedResults } from "../../_components/paged-results";
import { messageOf } from "../../_lib/errors";
import { useTRPC } from "../../_lib/trpc";
import { DateTime } from "../experiments/date-time";
import styles from "./webhook-deliveries-dialog.module.css";
import { DeliveryPayload } from "./webhook-delivery-payload";
import { DeliveryStatusBadge } from "./webhook-delivery-status";
import type { Webhook, WebhookDelivery } from "./webhook-types";

const PAGE_SIZE = 20;
const REFRESH_MS = 3_000;
const COLUMNS = ["Time", "Event", "Status", "Attempts", "Result", ""] as const;

interface Props {
  webhook: Webhook | null;
  onClose: () => void;
  projectId: string;
}

export function WebhookDeliveriesDialog({ webhook, onClose, projectId }: Props) {
  return (
    <Dialog open={webhook !== null} onClose={onClose} title="Deliveries" testId="webhook-deliveries-dialog">
      <div className={`dialog-body ${styles.log}`}>{webhook ? <Deliveries projectId={projectId} webhook={webhook} /> : null}</div>
      <div className="dialog-footer">
        <button type="button" className="btn" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

/** Mounted only while the dialog is open, so the log is fetched (and polled) only then. */
function Deliveries({ projectId, webhook }: { projectId: string; webhook: Webhook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.webhook.deliveries.infiniteQueryOptions(
      { projectId, id: webhook.id, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: REFRESH_MS },
    ),
  );
  const redeliver = useMutation(trpc.webhook.redeliver.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function sendAgain(deliveryId: number) {
    setError(null);
    try {
      await redeliver.mutateAsync({ projectId, id: webhook.id, deliveryId });
      toast.success(`Delivery #${deliveryId} queued to be sent again`);
      await queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() });
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const sending = redeliver.isPending ? redeliver.variables?.deliveryId : undefined;
  return (
    <>
      <p className="muted" style={{ marginTop: 0 }}>
        To <span className="mono" style={{ wordBreak: "break-all" }}>{webhook.url}</span>
        {webhook.active ? "" : " — paused: changes made meanwhile are not queued, and queued deliveries wait until it is resumed."}
      </p>
      <FormError message={error} />
      <PagedResults
        query={query}
        loading={{ label: "Loading deliveries", lines: 4 }}
        empty={
          <div className="empty" data-testid="webhook-deliveries-empty">
            <strong>No deliveries yet</strong>
            <p>Each change in the project that this webhook subscribes to is listed here once it is queued.</p>
          </div>
        }
        loadMore={{ testId: "webhook-deliveries-load-more", end: "That is all of them." }}
      >
        {(items, more) => (
          <>
            <p className="muted" aria-live="polite">
              Showing {items.length} {items.length === 1 ? "delivery" : "deliveries"}, newest first{more ? " — more below" : ""}
            </p>
            <DataTable columns={COLUMNS} testId="webhook-deliveries-table" busy={query.isFetching}>
              {items.map((delivery) => (
                <DeliveryRow
                  key={delivery.id}
                  delivery={delivery}
                  sending={sending === delivery.id}
                  onSendAgain={() => void sendAgain(delivery.id)}
                  payload={<DeliveryPayload projectId={projectId} webhookId={webhook.id} deliveryId={delivery.id} />}
                />
              ))}
            </DataTable>
          </>
        )}
      </PagedResults>
    </>
  );
}

interface DeliveryRowProps {
  delivery: WebhookDelivery;
  sending: boolean;
  onSendAgain: () => void;
  /** Rendered (and fetched) only once the row's payload is opened. */
  payload: ReactNode;
}

function DeliveryRow({ delivery, sending, onSendAgain, payload }: DeliveryRowProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr data-testid="webhook-delivery-row" data-delivery-id={delivery.id}>
        <td>
          <DateTime value={delivery.createdAt} full />
        </td>
        <td>
          <span className="badge">{delivery.action}</span>
        </td>
        <td>
          <DeliveryStatusBadge status={delivery.status} />
        </td>
        <td>{delivery.attempts}</td>
        <td data-testid="webhook-delivery-result">
          <DeliveryResult delivery={delivery} />
        </td>
        <td>
          <div className="row" style={{ gap: "0.35rem", flexWrap: "nowrap" }}>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setOpen(!open)}
              aria-expanded={open}
              aria-label={`${open ? "Hide" : "Show"} the payload of delivery #${delivery.id}`}
              data-testid="webhook-payload-toggle"
            >
              {open ? "Hide payload" : "Payload"}
            </button>
            {delivery.status === "pending" ? null : (
              <button
                type="button"
                className="btn btn-small"
                disabled={sending}
                onClick={onSendAgain}
                aria-label={`Send delivery #${delivery.id} again`}
                data-testid="webhook-redeliver"
              >
                {sending ? "Queuing…" : "Send again"}
              </button>
            )}
          </div>
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={COLUMNS.length}>{payload}</td>
        </tr>
      ) : null}
    </>
  );
}

function DeliveryResult({ delivery }: { delivery: WebhookDelivery }) {
  const answer = delivery.lastStatus !== null ? <span className="mono">HTTP {delivery.lastStatus}</span> : null;
  const error = delivery.lastError ? <span className={delivery.status === "failed" ? "field-error" : "muted"}>{delivery.lastError}</span> : null;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: "0.15rem" }}>
      {answer}
      {error}
      {delivery.status === "pending" ? (
        <span className="muted">
          {delivery.attempts === 0 ? "Queued, first attempt " : "Next attempt "}
          <DateTime value={delivery.nextAttemptAt} full />
        </span>
      ) : null}
      {!answer && !error && delivery.status !== "pending" ? <span className="muted">—</span> : null}
    </div>
  );
}
