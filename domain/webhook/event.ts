// What a webhook delivery sends: an audit event as JSON. The body is built from the stored event alone, so every
// attempt (and the delivery log's payload view) has the same bytes, and a signature over them stays checkable.

/** An audit event as a delivery sends it. */
export interface WebhookEvent {
  id: number;
  projectId: string;
  action: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /** ISO 8601 with microseconds, formatted by PostgreSQL, so the same event always gives the same text. */
  createdAt: string;
}

export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    id: `evt_${event.id}`,
    type: event.action,
    occurredAt: event.createdAt,
    projectId: event.projectId,
    entity: { type: event.entityType, id: event.entityId },
    actor: event.actorId ? { id: event.actorId, email: event.actorEmail } : null,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  });
}
