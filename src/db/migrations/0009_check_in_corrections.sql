ALTER TABLE "check_ins" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "corrected_at" timestamp with time zone;