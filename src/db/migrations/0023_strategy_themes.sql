CREATE TABLE "objective_themes" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objective_themes_org_id_objective_id_theme_id_pk" PRIMARY KEY("org_id","objective_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objective_themes" ADD CONSTRAINT "objective_themes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_themes" ADD CONSTRAINT "objective_themes_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objective_themes" ADD CONSTRAINT "objective_themes_theme_id_strategy_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."strategy_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_themes" ADD CONSTRAINT "strategy_themes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objective_themes_org_theme_idx" ON "objective_themes" USING btree ("org_id","theme_id");--> statement-breakpoint
CREATE INDEX "strategy_themes_org_position_idx" ON "strategy_themes" USING btree ("org_id","position","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_themes_org_name_key" ON "strategy_themes" USING btree ("org_id",lower("name"));