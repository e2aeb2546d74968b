import { and, desc, eq, gte, lt, lte, type SQL } from "drizzle-orm";
import type { Queryable } from "../client";
import { auditEvents } from "../schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(db: Queryable, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
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
