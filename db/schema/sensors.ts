// Sensors, the projects they belong to, their ingest credentials (hash + hint only) and their versioned conversion
// profiles. Sensors are soft-deleted so their telemetry stays; profile rows are never updated, only added.
//
// The primary project lives in exactly one place, sensor_projects.is_primary (at most one per sensor, enforced by a
// partial unique index), rather than also in a sensors.primary_project_id column that could disagree with it. Deleting
// a project removes only its sensor_projects rows (cascade): a sensor shared with another project survives there, and
// its telemetry is never removed by a project delete.
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ConversionSpec } from "../../domain/conversion/profile";
import { projects } from "./projects";
import { users } from "./users";

export const sensors = pgTable(
  "sensors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    type: text("type").notNull().default("generic"),
    /** The physical unit readings are converted into. */
    unit: text("unit").notNull(),
    /** The unit of the raw value the device sends. */
    rawUnit: text("raw_unit").notNull(),
    description: text("description").notNull().default(""),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    activeProfileVersion: integer("active_profile_version"),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The active version must be one of this sensor's own versions (null while the sensor is being created).
    foreignKey({
      name: "sensors_active_profile_fk",
      columns: [t.id, t.activeProfileVersion],
      foreignColumns: [conversionProfiles.sensorId, conversionProfiles.version],
    }),
  ],
);

export const sensorProjects = pgTable(
  "sensor_projects",
  {
    sensorId: uuid("sensor_id").notNull().references(() => sensors.id, { onDelete: "cascade" }),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sensorId, t.projectId] }),
    index("sensor_projects_project_idx").on(t.projectId),
    uniqueIndex("sensor_projects_one_primary_idx").on(t.sensorId).where(sql`is_primary`),
  ],
);

export const sensorCredentials = pgTable(
  "sensor_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sensorId: uuid("sensor_id").notNull().references(() => sensors.id, { onDelete: "cascade" }),
    /** SHA-256 of the token, hex. Ingest looks credentials up by it, hence unique (and indexed). */
    tokenHash: text("token_hash").notNull(),
    hint: text("hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("sensor_credentials_token_hash_idx").on(t.tokenHash), index("sensor_credentials_sensor_idx").on(t.sensorId, t.createdAt)],
);

export const conversionProfiles = pgTable(
  "conversion_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Typed by hand: sensors references this table back (its active version), and TypeScript cannot infer the cycle.
    sensorId: uuid("sensor_id").notNull().references((): AnyPgColumn => sensors.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    spec: jsonb("spec").$type<ConversionSpec>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A constraint (not only an index) so that sensors_active_profile_fk can reference it.
  (t) => [unique("conversion_profiles_sensor_version_key").on(t.sensorId, t.version)],
);
