"use client";
// One webhook endpoint as a table row: where it posts, what it subscribes to, whether it is active, and its actions.
import type { Webhook } from "./webhook-types";

export const WEBHOOK_COLUMNS = ["Endpoint", "Events", "Status", "Secret", "Actions"] as const;

interface Props {
  webhook: Webhook;
  /** A pause or resume of this endpoint is in flight. */
  busy: boolean;
  onSetActive: (active: boolean) => void;
  onDeliveries: () => void;
  onEdit: () => void;
  onPing: () => void;
  /** A test event for this endpoint is being queued. */
  pinging: boolean;
  onRotate: () => void;
  onDelete: () => void;
}

export function WebhookRow({ webhook, busy, onSetActive, onDeliveries, onEdit, onPing, pinging, onRotate, onDelete }: Props) {
  const { url } = webhook;
  return (
    <tr data-testid="webhook-row" data-webhook-id={webhook.id}>
      <td>
        <div className="mono" style={{ wordBreak: "break-all" }} data-testid="webhook-url">
          {url}
        </div>
        {webhook.description ? <div className="muted">{webhook.description}</div> : null}
      </td>
      <td data-testid="webhook-events">
        {webhook.events.length === 0 ? (
          <span className="muted">All events</span>
        ) : (
          <div className="row" style={{ gap: "0.25rem" }}>
            {webhook.events.map((event) => (
              <span key={event} className="badge">
                {event}
              </span>
            ))}
          </div>
        )}
      </td>
      <td>
        <span
          className="badge"
          style={webhook.active ? { background: "#e3f4ea", color: "var(--ok)" } : { background: "#eef0f3", color: "var(--muted)" }}
          data-testid="webhook-status"
          data-active={webhook.active}
        >
          {webhook.active ? "Active" : "Paused"}
        </span>
      </td>
      <td className="mono" style={{ whiteSpace: "nowrap" }} data-testid="webhook-secret-hint">
        {webhook.secretHint}
      </td>
      <td>
        <div className="row" style={{ gap: "0.35rem" }}>
          <button type="button" className="btn btn-small" onClick={onDeliveries} aria-label={`Deliveries of ${url}`} data-testid="webhook-deliveries-button">
            Deliveries
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={onPing}
            disabled={pinging || !webhook.active}
            title={webhook.active ? "Queue a webhook.pinged event for this endpoint only" : "Resume the webhook to send a test event"}
            aria-label={`Send a test event to ${url}`}
            data-testid="webhook-ping-button"
          >
            {pinging ? "Sending…" : "Send test"}
          </button>
          <button type="button" className="btn btn-small" onClick={onEdit} aria-label={`Edit ${url}`} data-testid="webhook-edit-button">
            Edit
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => onSetActive(!webhook.active)}
            aria-label={`${webhook.active ? "Pause" : "Resume"} ${url}`}
            data-testid="webhook-toggle-active"
          >
            {busy ? (webhook.active ? "Pausing…" : "Resuming…") : webhook.active ? "Pause" : "Resume"}
          </button>
          <button type="button" className="btn btn-small" onClick={onRotate} aria-label={`Rotate secret of ${url}`} data-testid="webhook-rotate-button">
            Rotate secret
          </button>
          <button type="button" className="btn btn-small btn-danger" onClick={onDelete} aria-label={`Delete ${url}`} data-testid="webhook-delete-button">
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}
