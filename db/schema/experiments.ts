import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CAPTURE_SESSION_STATUSES } from "../../domain/capture-session/status";
import { EXPERIMENT_STATUSES } from "../../domain/experiment/status";
import { RUN_STATUSES } from "../../domain/run/status";
import { projects } from "./projects";
import { users } from "./users";

const oneOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const experiments = pgTable(
  "experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    type: text("type").notNull().default("general"),
    status: text("status", { enum: EXPERIMENT_STATUSES }).notNull().default("draft"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("experiments_project_created_idx").on(t.projectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("experiments_project_updated_idx").on(t.projectId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("experiments_project_name_idx").on(t.projectId, sql`lower(${t.name})`, t.id),
    check("experiments_status_check", sql`${t.status} in (${oneOf(EXPERIMENT_STATUSES)})`),
  ],
);

export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    experimentId: uuid("experiment_id").notNull().references(() => experiments.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("draft"),
    params: jsonb("params").$type<Record<string, string | number | boolean>>().notNull().default({}),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    failureReason: text("failure_reason"),
    /** The highest capture-session ordinal ever given in this run, so a deleted session's number is never reused. */
    lastSessionOrdinal: integer("last_session_ordinal").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("runs_experiment_created_idx").on(t.experimentId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("runs_project_created_idx").on(t.projectId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("runs_experiment_status_idx").on(t.experimentId, t.status),
    // Project-wide run lists sorted by name, status or start time (db/queries/runs.ts orderBy) walk these.
    index("runs_project_name_idx").on(t.projectId, t.name, t.id),
    index("runs_project_status_idx").on(t.projectId, t.status, t.id),
    index("runs_project_started_idx").on(t.projectId, t.startedAt, t.id),
    index("runs_project_started_desc_idx").on(t.projectId, t.startedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    check("runs_status_check", sql`${t.status} in (${oneOf(RUN_STATUSES)})`),
  ],
);

export const captureSessions = pgTable(
  "capture_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    runId: uuid("run_id").notNull().references(() => runs.id, { onDelete: "cascade" }),
    ordinalNumber: integer("ordinal_number").notNull(),
    status: text("status", { enum: CAPTURE_SESSION_STATUSES }).notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    failureReason: text("failure_reason"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("capture_sessions_run_ordinal_idx").on(t.runId, t.ordinalNumber),
    // The database itself guarantees at most one running session per run, whatever the application does.
    uniqueIndex("capture_sessions_one_running_idx").on(t.runId).where(sql`status = 'running'`),
    check("capture_sessions_status_check", sql`${t.status} in (${oneOf(CAPTURE_SESSION_STATUSES)})`),
  ],
);
