CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "check_ins_org_kr_newest_idx" ON "check_ins" USING btree ("org_id","key_result_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
DROP INDEX IF EXISTS "check_ins_org_kr_created_idx";
