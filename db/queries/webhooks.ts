// The SQL of outgoing webhooks: endpoints per project, and deliveries claimed under a lease with FOR UPDATE SKIP LOCKED
// (a delivery whose lease ran out is claimable again). `attempts` is the fencing token, as for jobs: a dispatcher that
// lost its lease cannot record an outcome. Deliveries are queued by insertAuditEvent (db/queries/audit.ts).
import { and, eq, lt, sql } from "drizzle-orm";
import type { WebhookEvent } from "../../domain/webhook/event";
import type { Queryable } from "../client";
import { webhookDeliveries, webhookEndpoints } from "../schema";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewWebhookEndpoint = Pick<typeof webhookEndpoints.$inferInsert, "projectId" | "url" | "description" | "secret" | "events" | "createdBy">;
export type WebhookEndpointChanges = Partial<Pick<WebhookEndpointRow, "url" | "description" | "events" | "active" | "secret">>;

export async function insertWebhookEndpoint(db: Queryable, values: NewWebhookEndpoint): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  return row!;
}

export async function findWebhookEndpointInProject(db: Queryable, { projectId, id }: { projectId: string; id: string }) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.projectId, projectId)))
    .limit(1);
  return row;
}

/**
 * How many endpoints the project has, with the project row locked so that concurrent creates count one at a time. The
 * count is its own statement: one taken in the locking statement would not see what the lock waited for. Call it
 * inside a transaction (the lock lasts until it ends).
 */
export async function countWebhookEndpointsLocked(db: Queryable, projectId: string): Promise<number> {
  const [, [row]] = await Promise.all([
    db.execute(sql`select id from projects where id = ${projectId}::uuid for no key update`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from webhook_endpoints where project_id = ${projectId}::uuid`),
  ]);
  return row?.n ?? 0;
}

export function listWebhookEndpoints(db: Queryable, projectId: string): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.projectId, projectId)).orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function updateWebhookEndpoint(db: Queryable, id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpointRow> {
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row!;
}

export async function deleteWebhookEndpoint(db: Queryable, id: string): Promise<void> {
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}

export interface DeliveryListItem {
  id: number;
  status: WebhookDeliveryRow["status"];
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  action: string;
  auditEventId: number;
}

/** Newest first, keyset by id. */
export async function listWebhookDeliveries(
  db: Queryable,
  q: { endpointId: string; beforeId?: number; limit: number },
): Promise<DeliveryListItem[]> {
  const rows = await db.execute<Omit<DeliveryListItem, "nextAttemptAt" | "deliveredAt" | "createdAt"> & { nextAttemptAt: string; deliveredAt: string | null; createdAt: string }>(sql`
    select d.id::float8 as id, d.status, d.attempts, d.next_attempt_at as "nextAttemptAt", d.last_status as "lastStatus",
      d.last_error as "lastError", d.delivered_at as "deliveredAt", d.created_at as "createdAt", a.action,
      d.audit_event_id::float8 as "auditEventId"
    from webhook_deliveries d join audit_events a on a.id = d.audit_event_id
    where d.endpoint_id = ${q.endpointId}::uuid ${q.beforeId === undefined ? sql`` : sql`and d.id < ${q.beforeId}`}
    order by d.id desc
    limit ${q.limit}`);
  return rows.map((r) => ({
    ...r,
    nextAttemptAt: new Date(r.nextAttemptAt),
    deliveredAt: r.deliveredAt ? new Date(r.deliveredAt) : null,
    createdAt: new Date(r.createdAt),
  }));
}

export async function findDeliveryOfEndpoint(db: Queryable, q: { endpointId: string; id: number }) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, q.id), eq(webhookDeliveries.endpointId, q.endpointId)))
    .limit(1);
  return row;
}

/**
 * Puts a delivered or failed delivery back in the queue, due now, with a fresh set of attempts (a manual "send again").
 * False when it is still pending, so two requests at once requeue it once.
 */
export async function requeueFinishedDelivery(db: Queryable, id: number): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null })
    .where(and(eq(webhookDeliveries.id, id), sql`${webhookDeliveries.status} <> 'pending'`))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** A delivery claimed for sending, with everything the request needs. */
export interface ClaimedDelivery {
  id: number;
  attempts: number;
  endpointId: string;
  url: string;
  secret: string;
  event: WebhookEvent;
}

// The event's columns from `audit_events a`, and their mapping: shared by the claim and the payload view.
const EVENT_COLUMNS = sql`a.id::float8 as "eventId", a.project_id as "projectId", a.action, a.entity_type as "entityType",
  a.entity_id as "entityId", a.actor_id as "actorId", a.actor_email as "actorEmail", a.before, a.after, a.request_id as "requestId",
  to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"`;

const toEventRow = (r: Record<string, unknown>): WebhookEvent => ({
  id: r.eventId as number,
  projectId: r.projectId as string,
  action: r.action as string,
  entityType: r.entityType as string,
  entityId: r.entityId as string,
  actorId: (r.actorId as string | null) ?? null,
  actorEmail: (r.actorEmail as string | null) ?? null,
  before: r.before ?? null,
  after: r.after ?? null,
  requestId: (r.requestId as string | null) ?? null,
  createdAt: r.createdAt as string,
});

/** The event a delivery of this endpoint sends, or undefined when the delivery is not the endpoint's. */
export async function findDeliveryEvent(db: Queryable, q: { endpointId: string; deliveryId: number }): Promise<WebhookEvent | undefined> {
  const [row] = await db.execute<Record<string, unknown>>(sql`
    select ${EVENT_COLUMNS} from webhook_deliveries d join audit_events a on a.id = d.audit_event_id
    where d.id = ${q.deliveryId} and d.endpoint_id = ${q.endpointId}::uuid`);
  return row ? toEventRow(row) : undefined;
}

/**
 * Leases up to `limit` due deliveries, the oldest due one of each active endpoint that has none in flight, so an
 * endpoint gets one delivery at a time (in due order) and a slow one holds up only itself. Concurrent dispatchers skip
 * each other's rows; two of them may, rarely, each start one delivery to the same endpoint.
 */
export async function claimDueDeliveries(db: Queryable, q: { limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with due as (
      select pick.id from webhook_endpoints w
      cross join lateral (
        select d.id, d.next_attempt_at from webhook_deliveries d
        where d.endpoint_id = w.id and d.status = 'pending' and d.next_attempt_at <= now()
          and (d.locked_until is null or d.locked_until < now())
        order by d.next_attempt_at, d.id
        limit 1
        for update skip locked
      ) pick
      where w.active and not exists (
        select 1 from webhook_deliveries busy where busy.endpoint_id = w.id and busy.status = 'pending' and busy.locked_until >= now())
      order by pick.next_attempt_at, pick.id
      limit ${q.limit}
    ), claimed as (
      update webhook_deliveries d set attempts = d.attempts + 1, locked_until = now() + make_interval(secs => ${q.leaseMs / 1000})
      from due where d.id = due.id
      returning d.id, d.attempts, d.endpoint_id, d.audit_event_id
    )
    select c.id::float8 as id, c.attempts, c.endpoint_id as "endpointId", w.url, w.secret, ${EVENT_COLUMNS}
    from claimed c join webhook_endpoints w on w.id = c.endpoint_id join audit_events a on a.id = c.audit_event_id
    order by c.id`);
  return rows.map((r) => ({
    id: r.id as number,
    attempts: r.attempts as number,
    endpointId: r.endpointId as string,
    url: r.url as string,
    secret: r.secret as string,
    event: toEventRow(r),
  }));
}

export interface DeliveryOutcome {
  id: number;
  /** The attempt the dispatcher claimed: the fencing token. */
  attempts: number;
  delivered: boolean;
  status: number | null;
  error: string | null;
  /** Seconds until the next try; null when the delivery has no attempts left (or was delivered). */
  retryInSeconds: number | null;
}

/** Records the outcome of a claimed attempt; false when the lease was lost meanwhile (another dispatcher took over). */
export async function recordDeliveryOutcome(db: Queryable, o: DeliveryOutcome): Promise<boolean> {
  const status = o.delivered ? "delivered" : o.retryInSeconds === null ? "failed" : "pending";
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status,
      lockedUntil: null,
      lastStatus: o.status,
      lastError: o.error,
      deliveredAt: o.delivered ? sql`now()` : null,
      nextAttemptAt: o.retryInSeconds === null ? sql`${webhookDeliveries.nextAttemptAt}` : sql`now() + make_interval(secs => ${o.retryInSeconds})`,
    })
    .where(and(eq(webhookDeliveries.id, o.id), eq(webhookDeliveries.attempts, o.attempts), eq(webhookDeliveries.status, "pending")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** Deliveries that are done (delivered or failed) and older than the retention are deleted by housekeeping. */
export async function purgeOldDeliveries(db: Queryable, olderThanDays: number): Promise<void> {
  await db
    .delete(webhookDeliveries)
    .where(and(sql`${webhookDeliveries.status} <> 'pending'`, lt(webhookDeliveries.createdAt, sql`now() - make_interval(days => ${olderThanDays})`)));
}

