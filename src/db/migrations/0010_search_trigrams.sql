-- Quick search (app/search/search-org.ts): "contains" on titles and names, served by
-- trigram indexes on both engines. pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- database's owner may create it without superuser rights; PGlite loads it in db/connect.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "accounts_email_trgm_idx" ON "accounts" USING gin (lower("email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "key_results_title_trgm_idx" ON "key_results" USING gin (lower("title") gin_trgm_ops) WHERE "key_results"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "objectives_title_trgm_idx" ON "objectives" USING gin (lower("title") gin_trgm_ops) WHERE "objectives"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "units_name_trgm_idx" ON "units" USING gin (lower("name") gin_trgm_ops) WHERE "units"."archived_at" is null;