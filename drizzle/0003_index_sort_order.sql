DROP INDEX "audit_events_project_id_idx";--> statement-breakpoint
DROP INDEX "audit_events_entity_idx";--> statement-breakpoint
DROP INDEX "experiments_project_created_idx";--> statement-breakpoint
DROP INDEX "experiments_project_updated_idx";--> statement-breakpoint
DROP INDEX "runs_experiment_created_idx";--> statement-breakpoint
DROP INDEX "runs_project_created_idx";--> statement-breakpoint
CREATE INDEX "experiments_project_name_idx" ON "experiments" USING btree ("project_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "audit_events_project_id_idx" ON "audit_events" USING btree ("project_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "experiments_project_created_idx" ON "experiments" USING btree ("project_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "experiments_project_updated_idx" ON "experiments" USING btree ("project_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_experiment_created_idx" ON "runs" USING btree ("experiment_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "runs_project_created_idx" ON "runs" USING btree ("project_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);