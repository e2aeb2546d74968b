import { and, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";
import { auditEvents } from "../schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

const jsonb = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Writes the audit event and, in the same statement, queues a webhook delivery for every active endpoint of its project
 * that subscribes to the action (or for `onlyEndpointId` alone): the audit trail is the outbox (db/schema/webhooks.ts).
 */
export async function insertAuditEvent(db: Queryable, event: NewAuditEvent, onlyEndpointId?: string): Promise<void> {
  const subscribed = onlyEndpointId ? sql`w.id = ${onlyEndpointId}::uuid` : sql`(cardinality(w.events) = 0 or event.action = any(w.events))`;
  await db.execute(sql`
    with event as (
      insert into audit_events (project_id, actor_id, actor_email, action, entity_type, entity_id, before, after, request_id, created_at)
      values (${event.projectId ?? null}::uuid, ${event.actorId ?? null}::uuid, ${event.actorEmail ?? null}, ${event.action},
        ${event.entityType}, ${event.entityId}, ${jsonb(event.before)}::jsonb, ${jsonb(event.after)}::jsonb, ${event.requestId ?? null},
        coalesce(${event.createdAt?.toISOString() ?? null}::timestamptz, now()))
      returning id, project_id, action
    )
    insert into webhook_deliveries (endpoint_id, audit_event_id)
    select w.id, event.id from event
    join webhook_endpoints w on w.project_id = event.project_id
    where w.active and ${subscribed}`);
}

export interface AuditFilter {
  projectId: string;
  entityType?: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: the id of the last event of the previous page. */
  beforeId?: bigint;
  limit: number;
}

export async function listAuditEvents(db: Queryable, filter: AuditFilter): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [eq(auditEvents.projectId, filter.projectId)];
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.actorId) conditions.push(eq(auditEvents.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.createdAt, filter.to));
  if (filter.beforeId !== undefined) conditions.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit);
}
