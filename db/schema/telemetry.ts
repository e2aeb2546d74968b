// Which sensors a run records, which sensors a capture session is recording right now, and the telemetry itself.
//
// telemetry_readings has no foreign keys on purpose: it becomes a TimescaleDB hypertable where available
// (drizzle/0008_timescale.sql), deleted sensors keep their telemetry, and the hot insert path should not pay for FK
// checks. Every reading carries a per-sensor `seq` handed out under the sensor's sensor_ingest_state row lock, so for
// one sensor the order of seq is the order of commit: an SSE client resuming "after seq N" can never miss a row that
// committed later with a smaller number.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { captureSessions, runs } from "./experiments";
import { projects } from "./projects";
import { sensors } from "./sensors";
import { users } from "./users";

export const runSensors = pgTable(
  "run_sensors",
  {
    runId: uuid("run_id").notNull().references(() => runs.id, { onDelete: "cascade" }),
    sensorId: uuid("sensor_id").notNull().references(() => sensors.id, { onDelete: "cascade" }),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.sensorId] }), index("run_sensors_sensor_idx").on(t.sensorId)],
);

/** The sensors a capture session records from: copied from the run's sensors when the session starts. */
export const captureSessionSensors = pgTable(
  "capture_session_sensors",
  {
    captureSessionId: uuid("capture_session_id").notNull().references(() => captureSessions.id, { onDelete: "cascade" }),
    sensorId: uuid("sensor_id").notNull().references(() => sensors.id, { onDelete: "cascade" }),
    runId: uuid("run_id").notNull().references(() => runs.id, { onDelete: "cascade" }),
    /** True while the session is running; cleared when it stops or fails. */
    recording: boolean("recording").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.captureSessionId, t.sensorId] }),
    // A sensor records into at most one running capture session: the database enforces it, not only the service.
    uniqueIndex("capture_session_sensors_one_recording_idx").on(t.sensorId).where(sql`recording`),
  ],
);

/** One hot row per sensor for the ingest path, kept apart from the sensor record that users edit. */
export const sensorIngestState = pgTable("sensor_ingest_state", {
  sensorId: uuid("sensor_id").primaryKey().references(() => sensors.id, { onDelete: "cascade" }),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
  /** When on, incoming timestamps are shifted by the estimated clock offset (domain/telemetry/clock-offset.ts). */
  clockCorrection: boolean("clock_correction").notNull().default(false),
});

/** One row per accepted ingest request: receipts for Idempotency-Key replays, readings/s, last seen, clock offsets. */
export const telemetryBatches = pgTable(
  "telemetry_batches",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    sensorId: uuid("sensor_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Device clock minus server clock, in ms, when the batch carried sent_at. */
    clockOffsetMs: doublePrecision("clock_offset_ms"),
    accepted: integer("accepted").notNull(),
    duplicates: integer("duplicates").notNull(),
    rejected: integer("rejected").notNull(),
    runId: uuid("run_id"),
    captureSessionId: uuid("capture_session_id"),
    source: text("source", { enum: ["api", "csv"] }).notNull().default("api"),
    idempotencyKey: text("idempotency_key"),
    receipt: jsonb("receipt").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("telemetry_batches_sensor_received_idx").on(t.sensorId, t.receivedAt.desc()),
    uniqueIndex("telemetry_batches_idempotency_idx").on(t.sensorId, t.idempotencyKey).where(sql`idempotency_key is not null`),
  ],
);

export const telemetryReadings = pgTable(
  "telemetry_readings",
  {
    sensorId: uuid("sensor_id").notNull(),
    /** The reading's time after clock correction: the time axis of every chart and the dedupe key. */
    time: timestamp("time", { withTimezone: true, precision: 6 }).notNull(),
    /** The timestamp exactly as the device sent it. */
    deviceTime: timestamp("device_time", { withTimezone: true, precision: 6 }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    rawValue: doublePrecision("raw_value").notNull(),
    value: doublePrecision("value").notNull(),
    profileVersion: integer("profile_version"),
    runId: uuid("run_id"),
    captureSessionId: uuid("capture_session_id"),
    /** Ingested into a run that had already succeeded or failed. */
    late: boolean("late").notNull().default(false),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.sensorId, t.time] }),
    index("telemetry_readings_sensor_seq_idx").on(t.sensorId, t.seq),
    index("telemetry_readings_session_idx").on(t.captureSessionId, t.time),
    index("telemetry_readings_run_idx").on(t.runId, t.time),
  ],
);

/**
 * Per-sensor 1-second min/max/sum/count of physical values, refreshed from the raw rows of each ingested time range.
 * Charts over long ranges read this instead of millions of raw rows on plain PostgreSQL (no continuous aggregates).
 */
export const telemetryRollups = pgTable(
  "telemetry_rollups_1s",
  {
    sensorId: uuid("sensor_id").notNull(),
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    minValue: doublePrecision("min_value").notNull(),
    maxValue: doublePrecision("max_value").notNull(),
    sumValue: doublePrecision("sum_value").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sensorId, t.bucket] })],
);

/** Background jobs (telemetry reprocessing), claimed with FOR UPDATE SKIP LOCKED by any app process. */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id").notNull().references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["reprocess"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull().default("queued"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    progress: integer("progress").notNull().default(0),
    total: integer("total").notNull().default(0),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("jobs_claim_idx").on(t.status, t.createdAt), index("jobs_project_idx").on(t.projectId, t.createdAt.desc())],
);
