ALTER TABLE "runs" ADD COLUMN "last_session_ordinal" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing runs continue from their highest ordinal so far.
UPDATE "runs" SET "last_session_ordinal" = s.max_ordinal
FROM (SELECT "run_id", max("ordinal_number") AS max_ordinal FROM "capture_sessions" GROUP BY "run_id") s
WHERE s."run_id" = "runs"."id";
