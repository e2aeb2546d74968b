-- Run history finds its capture sessions' events by the runId they carry, also after a session was deleted.
CREATE INDEX IF NOT EXISTS "audit_events_session_run_idx" ON "audit_events" ((coalesce("after" ->> 'runId', "before" ->> 'runId'))) WHERE "entity_type" = 'capture_session';
