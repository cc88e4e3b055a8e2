-- The functions that keep the stored figures (0006, 0030) take the objectives' ids as an
-- array. PL/pgSQL plans their statements with that array as a parameter, and PostgreSQL's
-- plan cache kept choosing a custom plan for it: planned for the given ids, the statement
-- looks far cheaper (one row) than the generic plan (ten rows, by default), so it was
-- planned again on every call. For a check-in, which refreshes one objective's progress,
-- that planning was about 0.7 ms of its 0.9 ms in the trigger. The generic plan is the
-- same index walk the custom one makes (by id, then the key results by objective), so it
-- is chosen outright.
ALTER FUNCTION riktning_refresh_progress(uuid[]) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION riktning_refresh_supporters(uuid[]) SET plan_cache_mode = force_generic_plan;
