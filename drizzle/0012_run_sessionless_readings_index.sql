-- Readings stored against a run without a capture session (an explicit run_id on ingest or import, or an attach):
-- the run's chart clips the per-sensor rollups to the run's recorded spans, and this finds the span of those readings
-- with two index probes instead of a scan of all the run's readings. Small: most readings belong to a session.
CREATE INDEX IF NOT EXISTS "telemetry_readings_run_sessionless_idx" ON "telemetry_readings" USING btree ("run_id", "time")
  WHERE "capture_session_id" IS NULL AND "run_id" IS NOT NULL;
