CREATE INDEX "runs_project_name_idx" ON "runs" USING btree ("project_id","name","id");--> statement-breakpoint
CREATE INDEX "runs_project_status_idx" ON "runs" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "runs_project_started_idx" ON "runs" USING btree ("project_id","started_at","id");--> statement-breakpoint
CREATE INDEX "runs_project_started_desc_idx" ON "runs" USING btree ("project_id","started_at" DESC NULLS LAST,"id" DESC NULLS FIRST);