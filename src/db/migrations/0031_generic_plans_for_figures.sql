-- The functions that keep the stored figures (0006, 0030) take the objectives' ids as an
-- array. PL/pgSQL plans their statements with that array as a parameter, and PostgreSQL's
-- plan cache kept choosing a custom plan for it: planned for the given ids, the statement
-- looks far cheaper (one row) than the generic plan (ten rows, by default), so it was
-- planned again on every call. The server's direct connections force generic plans for
-- the whole session and never paid it; PGlite and connections through PgBouncer (unless
-- the database has the setting) did: for a key result's update, about 0.6 ms of 0.9 ms on
-- PostgreSQL, 1.4 ms of 3.7 ms on PGlite. The generic plan is the same index walk the
-- custom one makes (by id, then the key results by objective), so it is chosen outright.
ALTER FUNCTION riktning_refresh_progress(uuid[]) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION riktning_refresh_supporters(uuid[]) SET plan_cache_mode = force_generic_plan;
