CREATE TABLE "chat_channels" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"messages" text[] NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_channels_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "chat_channels_kind" CHECK ("chat_channels"."kind" in ('slack', 'teams'))
);
--> statement-breakpoint
CREATE TABLE "chat_posts" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"channel_id" uuid NOT NULL,
	"message_kind" text NOT NULL,
	"dedupe_key" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp (3) with time zone,
	"response_status" integer,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_posts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "chat_channels" ADD CONSTRAINT "chat_channels_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_channels" ADD CONSTRAINT "chat_channels_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_channels" ADD CONSTRAINT "chat_channels_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_posts" ADD CONSTRAINT "chat_posts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_posts" ADD CONSTRAINT "chat_posts_org_id_channel_id_chat_channels_org_id_id_fk" FOREIGN KEY ("org_id","channel_id") REFERENCES "public"."chat_channels"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_channels_org_unit_idx" ON "chat_channels" USING btree ("org_id","unit_id","created_at");--> statement-breakpoint
CREATE INDEX "chat_channels_id_idx" ON "chat_channels" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_posts_dedupe_idx" ON "chat_posts" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "chat_posts_due_idx" ON "chat_posts" USING btree ("next_attempt_at") WHERE "chat_posts"."status" in ('pending', 'delivering');--> statement-breakpoint
CREATE INDEX "chat_posts_channel_idx" ON "chat_posts" USING btree ("org_id","channel_id","created_at","id");