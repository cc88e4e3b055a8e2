-- Sharding-ready keys (docs/scaling.md): every organisation's row is keyed by org_id first,
-- its primary key (org_id, ...), every unique key and every reference between two of the
-- organisation's tables includes org_id, so a distributed PostgreSQL (Citus, sharded by
-- org_id) keeps an organisation's rows and their links on one shard. The columns stay as
-- they were; only keys are replaced, so no row is rewritten. Plain indexes on id keep
-- lookups by id alone (/key-results/{id}) fast.
--
-- A person's own audit events (org_id null: signing in, API tokens, password) move to
-- account_audit_events, ids kept, so every audit_events row has its organisation.
CREATE TABLE "account_audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "account_audit_events" ("id", "actor_id", "action", "entity_type", "entity_id", "before", "after", "created_at")
  SELECT "id", "actor_id", "action", "entity_type", "entity_id", "before", "after", "created_at" FROM "audit_events" WHERE "org_id" IS NULL;
--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('account_audit_events', 'id'), coalesce((SELECT max("id") FROM "account_audit_events"), 0) + 1, false);
--> statement-breakpoint
DELETE FROM "audit_events" WHERE "org_id" IS NULL;
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "org_id" SET NOT NULL;
--> statement-breakpoint
-- References between the organisation's tables go first: they hold on the keys replaced below.
ALTER TABLE "activities" DROP CONSTRAINT "activities_key_result_id_key_results_id_fk";
--> statement-breakpoint
ALTER TABLE "alignments" DROP CONSTRAINT "alignments_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "alignments" DROP CONSTRAINT "alignments_supports_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "chat_channels" DROP CONSTRAINT "chat_channels_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_key_result_id_key_results_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_key_result_id_key_results_id_fk";
--> statement-breakpoint
ALTER TABLE "cycles" DROP CONSTRAINT "cycles_parent_id_cycles_id_fk";
--> statement-breakpoint
ALTER TABLE "key_result_alignments" DROP CONSTRAINT "key_result_alignments_alignment_fk";
--> statement-breakpoint
ALTER TABLE "key_result_alignments" DROP CONSTRAINT "key_result_alignments_key_result_fk";
--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_comment_id_comments_id_fk";
--> statement-breakpoint
ALTER TABLE "objective_themes" DROP CONSTRAINT "objective_themes_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "objective_themes" DROP CONSTRAINT "objective_themes_theme_id_strategy_themes_id_fk";
--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_cycle_id_cycles_id_fk";
--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_carried_from_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_cycle_id_cycles_id_fk";
--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_objective_id_objectives_id_fk";
--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "service_accounts" DROP CONSTRAINT "service_accounts_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "unit_members" DROP CONSTRAINT "unit_members_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_parent_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_token_hash_unique";
--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_id_objective_key";
--> statement-breakpoint
ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_dedupe_key_unique";
--> statement-breakpoint
DROP INDEX "audit_events_org_id_idx";
--> statement-breakpoint
DROP INDEX "reflections_objective_key";
--> statement-breakpoint
DROP INDEX "reflections_unit_cycle_key";
--> statement-breakpoint
ALTER TABLE "alignments" DROP CONSTRAINT "alignments_objective_id_supports_id_pk";
--> statement-breakpoint
ALTER TABLE "unit_members" DROP CONSTRAINT "unit_members_unit_id_account_id_pk";
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_pkey";
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";
--> statement-breakpoint
ALTER TABLE "check_ins" DROP CONSTRAINT "check_ins_pkey";
--> statement-breakpoint
ALTER TABLE "comments" DROP CONSTRAINT "comments_pkey";
--> statement-breakpoint
ALTER TABLE "cycles" DROP CONSTRAINT "cycles_pkey";
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_pkey";
--> statement-breakpoint
ALTER TABLE "key_results" DROP CONSTRAINT "key_results_pkey";
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_pkey";
--> statement-breakpoint
ALTER TABLE "objectives" DROP CONSTRAINT "objectives_pkey";
--> statement-breakpoint
ALTER TABLE "outbox_messages" DROP CONSTRAINT "outbox_messages_pkey";
--> statement-breakpoint
ALTER TABLE "reflections" DROP CONSTRAINT "reflections_pkey";
--> statement-breakpoint
ALTER TABLE "service_accounts" DROP CONSTRAINT "service_accounts_pkey";
--> statement-breakpoint
ALTER TABLE "strategy_themes" DROP CONSTRAINT "strategy_themes_pkey";
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_org_id_objective_id_supports_id_pk" PRIMARY KEY("org_id","objective_id","supports_id");
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "service_accounts" ADD CONSTRAINT "service_accounts_org_id_account_id_pk" PRIMARY KEY("org_id","account_id");
--> statement-breakpoint
ALTER TABLE "strategy_themes" ADD CONSTRAINT "strategy_themes_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_org_id_unit_id_account_id_pk" PRIMARY KEY("org_id","unit_id","account_id");
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_id_pk" PRIMARY KEY("org_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_org_objective_key" ON "reflections" USING btree ("org_id","objective_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_org_unit_cycle_key" ON "reflections" USING btree ("org_id","unit_id","cycle_id");
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_token_hash_key" UNIQUE("org_id","token_hash");
--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_org_id_objective_key" UNIQUE("org_id","id","objective_id");
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_dedupe_key" UNIQUE("org_id","dedupe_key");
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_supports_fk" FOREIGN KEY ("org_id","supports_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "chat_channels" ADD CONSTRAINT "chat_channels_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_key_result_fk" FOREIGN KEY ("org_id","key_result_id") REFERENCES "public"."key_results"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_parent_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "key_result_alignments" ADD CONSTRAINT "key_result_alignments_alignment_fk" FOREIGN KEY ("org_id","objective_id","supports_id") REFERENCES "public"."alignments"("org_id","objective_id","supports_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "key_result_alignments" ADD CONSTRAINT "key_result_alignments_key_result_fk" FOREIGN KEY ("org_id","key_result_id","supports_id") REFERENCES "public"."key_results"("org_id","id","objective_id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_fk" FOREIGN KEY ("org_id","comment_id") REFERENCES "public"."comments"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "objective_themes" ADD CONSTRAINT "objective_themes_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "objective_themes" ADD CONSTRAINT "objective_themes_theme_fk" FOREIGN KEY ("org_id","theme_id") REFERENCES "public"."strategy_themes"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_fk" FOREIGN KEY ("org_id","carried_from_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_cycle_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."cycles"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_objective_fk" FOREIGN KEY ("org_id","objective_id") REFERENCES "public"."objectives"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "service_accounts" ADD CONSTRAINT "service_accounts_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "unit_members" ADD CONSTRAINT "unit_members_unit_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "account_audit_events_actor_idx" ON "account_audit_events" USING btree ("actor_id","id");
--> statement-breakpoint
CREATE INDEX "activities_id_idx" ON "activities" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "check_ins_id_idx" ON "check_ins" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "comments_id_idx" ON "comments" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "cycles_id_idx" ON "cycles" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "invitations_id_idx" ON "invitations" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "invitations_token_hash_idx" ON "invitations" USING btree ("token_hash");
--> statement-breakpoint
CREATE INDEX "key_results_id_idx" ON "key_results" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "notifications_id_idx" ON "notifications" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "objectives_id_idx" ON "objectives" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "outbox_messages_id_idx" ON "outbox_messages" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "reflections_id_idx" ON "reflections" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "service_accounts_account_idx" ON "service_accounts" USING btree ("account_id");
--> statement-breakpoint
CREATE INDEX "strategy_themes_id_idx" ON "strategy_themes" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "units_id_idx" ON "units" USING btree ("id");
