-- TimescaleDB when the server has it; a plain table with a BRIN index on time otherwise (docs/operations.md).
-- Compression covers only chunks older than the backfill window (7 days), so late data always lands in an open chunk.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
    PERFORM create_hypertable('telemetry_readings', by_range('time', INTERVAL '1 day'), migrate_data => true);
    ALTER TABLE telemetry_readings SET (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'sensor_id',
      timescaledb.compress_orderby = 'time DESC'
    );
    PERFORM add_compression_policy('telemetry_readings', compress_after => INTERVAL '7 days');
    EXECUTE $cagg$
      CREATE MATERIALIZED VIEW telemetry_readings_1m
      WITH (timescaledb.continuous) AS
      SELECT sensor_id,
             time_bucket(INTERVAL '1 minute', time) AS bucket,
             min(value) AS min_value,
             max(value) AS max_value,
             avg(value) AS avg_value,
             count(*) AS count
      FROM telemetry_readings
      GROUP BY sensor_id, time_bucket(INTERVAL '1 minute', time)
      WITH NO DATA
    $cagg$;
    PERFORM add_continuous_aggregate_policy('telemetry_readings_1m',
      start_offset => INTERVAL '8 days', end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute');
  ELSE
    CREATE INDEX IF NOT EXISTS telemetry_readings_time_brin_idx ON telemetry_readings USING brin (time);
  END IF;
END
$$;
