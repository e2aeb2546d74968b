// recordAudit: every mutation calls this with its open transaction, so the event commits or rolls back with the change.
import type { Tx } from "../db/client";
import { insertAuditEvent } from "../db/queries/audit";

export interface AuditActorContext {
  requestId: string;
  user?: { id: string; email: string };
  actor?: { id: string; email: string };
  project?: { id: string };
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Send this event to this webhook endpoint only, whatever it subscribes to (a test event); otherwise to all that match. */
  webhookEndpointId?: string;
}

export async function recordAudit(tx: Tx, ctx: AuditActorContext, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor ?? ctx.user;
  await insertAuditEvent(tx, {
    projectId: entry.projectId === undefined ? (ctx.project?.id ?? null) : entry.projectId,
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  }, entry.webhookEndpointId);
}
