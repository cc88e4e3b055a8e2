-- Every check-in rewrites its key result's row (the latest value, confidence and time) and,
-- through the stored figures' triggers (0006), its objective's and those of the objectives
-- it supports. None of those columns is indexed, so PostgreSQL can put the new version on
-- the same page as the old one (a HOT update) and touch none of the tables' indexes (eight
-- on key_results and ten on objectives, two of them trigram indexes), if the page has room.
-- A page filled to the brim by a load or an import has none, and then every check-in writes
-- a new entry into every index. Keep a fifth of each page free for those new versions.
-- Pages written from now on keep it; existing ones gain it when rewritten (VACUUM FULL, or
-- as old versions are pruned): docs/deploy.md.
ALTER TABLE "key_results" SET (fillfactor = 80);--> statement-breakpoint
ALTER TABLE "objectives" SET (fillfactor = 80);
