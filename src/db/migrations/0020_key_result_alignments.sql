ALTER TABLE "key_results" ADD CONSTRAINT "key_results_id_objective_key" UNIQUE("id","objective_id");--> statement-breakpoint
CREATE TABLE "key_result_alignments" (
	"org_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"supports_id" uuid NOT NULL,
	"key_result_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_result_alignments_org_id_objective_id_key_result_id_pk" PRIMARY KEY("org_id","objective_id","key_result_id")
);
--> statement-breakpoint
ALTER TABLE "key_result_alignments" ADD CONSTRAINT "key_result_alignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_alignments" ADD CONSTRAINT "key_result_alignments_alignment_fk" FOREIGN KEY ("objective_id","supports_id") REFERENCES "public"."alignments"("objective_id","supports_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_alignments" ADD CONSTRAINT "key_result_alignments_key_result_fk" FOREIGN KEY ("key_result_id","supports_id") REFERENCES "public"."key_results"("id","objective_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_result_alignments_org_key_result_idx" ON "key_result_alignments" USING btree ("org_id","key_result_id");
