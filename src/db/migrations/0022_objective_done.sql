ALTER TABLE "objectives" ADD COLUMN "done_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "done_by" uuid;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_done_by_accounts_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;