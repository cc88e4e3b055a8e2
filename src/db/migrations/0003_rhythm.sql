CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"objective_id" uuid,
	"unit_id" uuid,
	"went_well" text DEFAULT '' NOT NULL,
	"learned" text DEFAULT '' NOT NULL,
	"change_next" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_one_subject" CHECK (("reflections"."objective_id" is null) <> ("reflections"."unit_id" is null))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "notification_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "objective_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "check_in_cadence_days" integer;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_recipient_id_accounts_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_messages_due_idx" ON "outbox_messages" USING btree ("next_attempt_at") WHERE "outbox_messages"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_messages_org_created_idx" ON "outbox_messages" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "outbox_messages_org_recipient_idx" ON "outbox_messages" USING btree ("org_id","recipient_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_objective_key" ON "reflections" USING btree ("objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_unit_cycle_key" ON "reflections" USING btree ("unit_id","cycle_id");--> statement-breakpoint
CREATE INDEX "reflections_org_cycle_idx" ON "reflections" USING btree ("org_id","cycle_id");--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_closed_by_accounts_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_carried_from_id_objectives_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."objectives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_org_objective_idx" ON "audit_events" USING btree ("org_id","objective_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_unit_idx" ON "audit_events" USING btree ("org_id","unit_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_actor_idx" ON "audit_events" USING btree ("org_id","actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_action_idx" ON "audit_events" USING btree ("org_id","action","id");--> statement-breakpoint
CREATE INDEX "objectives_org_carried_from_idx" ON "objectives" USING btree ("org_id","carried_from_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_cadence_range" CHECK ("units"."check_in_cadence_days" between 1 and 90);--> statement-breakpoint
INSERT INTO "reflections" ("org_id", "cycle_id", "objective_id", "went_well", "created_at", "updated_at")
SELECT "org_id", "cycle_id", "id", "reflection", "updated_at", "updated_at" FROM "objectives" WHERE "reflection" <> '';--> statement-breakpoint
UPDATE "cycles" SET "closed_at" = "updated_at" WHERE "status" = 'closed' AND "closed_at" IS NULL;
