CREATE TABLE "capture_session_sensors" (
	"capture_session_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"recording" boolean DEFAULT true NOT NULL,
	CONSTRAINT "capture_session_sensors_capture_session_id_sensor_id_pk" PRIMARY KEY("capture_session_id","sensor_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"payload" jsonb NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "run_sensors" (
	"run_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_sensors_run_id_sensor_id_pk" PRIMARY KEY("run_id","sensor_id")
);
--> statement-breakpoint
CREATE TABLE "sensor_ingest_state" (
	"sensor_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone,
	"clock_correction" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_batches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sensor_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"clock_offset_ms" double precision,
	"accepted" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"rejected" integer NOT NULL,
	"run_id" uuid,
	"capture_session_id" uuid,
	"source" text DEFAULT 'api' NOT NULL,
	"idempotency_key" text,
	"receipt" jsonb
);
--> statement-breakpoint
CREATE TABLE "telemetry_readings" (
	"sensor_id" uuid NOT NULL,
	"time" timestamp (6) with time zone NOT NULL,
	"device_time" timestamp (6) with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigint NOT NULL,
	"raw_value" double precision NOT NULL,
	"value" double precision NOT NULL,
	"profile_version" integer,
	"run_id" uuid,
	"capture_session_id" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"meta" jsonb,
	CONSTRAINT "telemetry_readings_sensor_id_time_pk" PRIMARY KEY("sensor_id","time")
);
--> statement-breakpoint
CREATE TABLE "telemetry_rollups_1s" (
	"sensor_id" uuid NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"min_value" double precision NOT NULL,
	"max_value" double precision NOT NULL,
	"sum_value" double precision NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "telemetry_rollups_1s_sensor_id_bucket_pk" PRIMARY KEY("sensor_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "capture_session_sensors" ADD CONSTRAINT "capture_session_sensors_capture_session_id_capture_sessions_id_fk" FOREIGN KEY ("capture_session_id") REFERENCES "public"."capture_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_session_sensors" ADD CONSTRAINT "capture_session_sensors_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capture_session_sensors" ADD CONSTRAINT "capture_session_sensors_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_sensors" ADD CONSTRAINT "run_sensors_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_sensors" ADD CONSTRAINT "run_sensors_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_sensors" ADD CONSTRAINT "run_sensors_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_ingest_state" ADD CONSTRAINT "sensor_ingest_state_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capture_session_sensors_one_recording_idx" ON "capture_session_sensors" USING btree ("sensor_id") WHERE recording;--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_project_idx" ON "jobs" USING btree ("project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "run_sensors_sensor_idx" ON "run_sensors" USING btree ("sensor_id");--> statement-breakpoint
CREATE INDEX "telemetry_batches_sensor_received_idx" ON "telemetry_batches" USING btree ("sensor_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "telemetry_batches_idempotency_idx" ON "telemetry_batches" USING btree ("sensor_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "telemetry_readings_sensor_seq_idx" ON "telemetry_readings" USING btree ("sensor_id","seq");--> statement-breakpoint
CREATE INDEX "telemetry_readings_session_idx" ON "telemetry_readings" USING btree ("capture_session_id","time");--> statement-breakpoint
CREATE INDEX "telemetry_readings_run_idx" ON "telemetry_readings" USING btree ("run_id","time");