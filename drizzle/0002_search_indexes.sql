-- Search and filter indexes drizzle-kit cannot express: trigram search over names and descriptions,
-- and GIN indexes for tag and param filters on runs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "experiments_search_trgm_idx" ON "experiments" USING gin ((lower("name" || ' ' || "description")) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "experiments_tags_idx" ON "experiments" USING gin ("tags");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "runs_search_trgm_idx" ON "runs" USING gin ((lower("name")) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "runs_tags_idx" ON "runs" USING gin ("tags");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "runs_params_idx" ON "runs" USING gin ("params" jsonb_path_ops);
