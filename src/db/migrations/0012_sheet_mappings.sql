CREATE TABLE "sheet_mappings" (
	"org_id" uuid NOT NULL,
	"header" text NOT NULL,
	"field" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sheet_mappings_org_id_header_pk" PRIMARY KEY("org_id","header")
);
--> statement-breakpoint
ALTER TABLE "sheet_mappings" ADD CONSTRAINT "sheet_mappings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;