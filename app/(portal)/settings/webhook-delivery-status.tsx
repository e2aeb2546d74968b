// A delivery's status as a pill, coloured like the other statuses: waiting is muted, done is green, failed is red.
import type { CSSProperties } from "react";
import type { WebhookDelivery } from "./webhook-types";

const STYLES: Record<WebhookDelivery["status"], CSSProperties> = {
  pending: { background: "#eef0f3", color: "var(--muted)" },
  delivered: { background: "#e3f4ea", color: "var(--ok)" },
  failed: { background: "var(--danger-weak)", color: "var(--danger)" },
};

export function DeliveryStatusBadge({ status }: { status: WebhookDelivery["status"] }) {
  return (
    <span className="badge" style={STYLES[status]} data-testid="webhook-delivery-status" data-status={status}>
      {status}
    </span>
  );
}
