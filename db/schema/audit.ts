import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Append-only. No foreign keys on purpose: the trail must outlive deleted projects and users.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    projectId: uuid("project_id"),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_project_id_idx").on(t.projectId, t.id.desc().nullsFirst()),
    index("audit_events_actor_idx").on(t.actorId),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id.desc().nullsFirst()),
  ],
);
