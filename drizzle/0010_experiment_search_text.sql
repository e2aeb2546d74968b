-- The experiment search walks the created-at index for common terms and tests every row it passes; a stored,
-- lowercased copy of name and description saves recomputing it per row (≈ 40 % of that walk, docs/benchmarks.md).
-- Adding a stored generated column rewrites the table once. Not in db/schema: nothing reads it but the search SQL.
ALTER TABLE "experiments" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower("name" || ' ' || "description")) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "experiments_search_text_trgm_idx" ON "experiments" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS "experiments_search_trgm_idx";
