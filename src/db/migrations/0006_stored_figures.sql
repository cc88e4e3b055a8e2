ALTER TABLE "objectives" ADD COLUMN "progress" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "supporter_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "objectives" ADD COLUMN "supporter_progress_sum" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Figures every reader needs, kept current on write, so reads do not recompute them:
-- an objective's progress (the weighted mean of its live key results, as core/progress.ts
-- computes it; a test holds the two equal) and, on each objective, how many live,
-- published, public objectives support it and the sum of their progress.
--
-- Statement-level triggers with transition tables, so a bulk write costs one set-based
-- update, not one per row. Concurrency: an objective's progress is recomputed only after
-- its row is locked (each statement of a PL/pgSQL function then reads a fresh snapshot,
-- so it sees every committed key result); supporters' figures move by deltas, which an
-- UPDATE re-evaluates on the newest row version, so concurrent check-ins under one parent
-- never lose each other's change.
CREATE OR REPLACE FUNCTION riktning_kr_progress(metric text, start_value double precision, target_value double precision, current_value double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (CASE
    WHEN metric = 'increase_to' AND target_value = start_value THEN (current_value >= target_value)::int
    WHEN metric = 'decrease_to' AND target_value = start_value THEN (current_value <= target_value)::int
    WHEN metric IN ('increase_to', 'decrease_to')
      THEN greatest(0, least(1, (current_value - start_value) / (target_value - start_value)))
    WHEN metric = 'stay_at_or_below' THEN (current_value <= target_value)::int
    ELSE (current_value >= target_value)::int
  END)::double precision
$$;
--> statement-breakpoint
-- Recomputes the progress of these objectives from their live key results (locks them first).
CREATE OR REPLACE FUNCTION riktning_refresh_progress(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM objectives WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE objectives o SET progress = f.progress
    FROM (SELECT t.id, coalesce(agg.progress, 0) AS progress
            FROM objectives t
            LEFT JOIN LATERAL (
              SELECT CASE WHEN sum(greatest(k.weight, 0)) = 0 THEN avg(p.v)
                          ELSE sum(p.v * greatest(k.weight, 0)) / sum(greatest(k.weight, 0)) END AS progress
                FROM key_results k
                CROSS JOIN LATERAL (SELECT riktning_kr_progress(k.metric, k.start_value, k.target_value, k.current_value) AS v) p
               WHERE k.org_id = t.org_id AND k.objective_id = t.id AND k.archived_at IS NULL) agg ON true
           WHERE t.id = ANY(ids)) f
   WHERE o.id = f.id AND o.progress IS DISTINCT FROM f.progress;
END $$;
--> statement-breakpoint
-- Recounts the supporters of these objectives from scratch (locks supporters, then them).
CREATE OR REPLACE FUNCTION riktning_refresh_supporters(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM objectives c JOIN alignments a ON a.org_id = c.org_id AND a.objective_id = c.id
   WHERE a.supports_id = ANY(ids) ORDER BY c.id FOR SHARE OF c;
  PERFORM 1 FROM objectives WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE objectives p SET supporter_count = s.n, supporter_progress_sum = s.total
    FROM (SELECT t.id, coalesce(agg.n, 0) AS n, coalesce(agg.total, 0) AS total
            FROM objectives t
            LEFT JOIN LATERAL (
              SELECT count(*)::int AS n, sum(c.progress) AS total
                FROM alignments a JOIN objectives c ON c.id = a.objective_id
               WHERE a.org_id = t.org_id AND a.supports_id = t.id
                 AND c.archived_at IS NULL AND c.lifecycle <> 'draft' AND c.visibility = 'public') agg ON true
           WHERE t.id = ANY(ids)) s
   WHERE p.id = s.id AND (p.supporter_count, p.supporter_progress_sum) IS DISTINCT FROM (s.n, s.total);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION riktning_key_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.objective_id) INTO ids FROM changed_new n;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.objective_id) INTO ids FROM changed_old o;
  ELSE
    SELECT array_agg(DISTINCT x.id) INTO ids
      FROM changed_new n JOIN changed_old o ON o.id = n.id
      CROSS JOIN LATERAL unnest(ARRAY[n.objective_id, o.objective_id]) AS x(id)
     WHERE (n.metric, n.start_value, n.target_value, n.current_value, n.weight, n.archived_at, n.objective_id)
           IS DISTINCT FROM (o.metric, o.start_value, o.target_value, o.current_value, o.weight, o.archived_at, o.objective_id);
  END IF;
  PERFORM riktning_refresh_progress(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- An objective's contribution to the objectives it supports changes with its progress and
-- with whether it counts (live, published, public): move those figures by the difference.
CREATE OR REPLACE FUNCTION riktning_objectives_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM changed_new n JOIN changed_old o ON o.id = n.id
     WHERE (n.progress, n.archived_at IS NULL, n.lifecycle <> 'draft', n.visibility = 'public')
           IS DISTINCT FROM (o.progress, o.archived_at IS NULL, o.lifecycle <> 'draft', o.visibility = 'public')
  ) THEN RETURN NULL; END IF;
  UPDATE objectives p
     SET supporter_count = p.supporter_count + d.dc,
         supporter_progress_sum = CASE WHEN p.supporter_count + d.dc = 0 THEN 0 ELSE p.supporter_progress_sum + d.dp END
    FROM (SELECT a.supports_id, sum(c.dc)::int AS dc, sum(c.dp) AS dp
            FROM (SELECT n.id, n.org_id,
                         f.now_counts::int - f.counted::int AS dc,
                         CASE WHEN f.now_counts THEN n.progress ELSE 0 END - CASE WHEN f.counted THEN o.progress ELSE 0 END AS dp
                    FROM changed_new n JOIN changed_old o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT
                      n.archived_at IS NULL AND n.lifecycle <> 'draft' AND n.visibility = 'public' AS now_counts,
                      o.archived_at IS NULL AND o.lifecycle <> 'draft' AND o.visibility = 'public' AS counted) f) c
            JOIN alignments a ON a.objective_id = c.id AND a.org_id = c.org_id
           WHERE c.dc <> 0 OR c.dp <> 0
           GROUP BY a.supports_id) d
   WHERE p.id = d.supports_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION riktning_alignments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.supports_id) INTO ids FROM changed_new n;
  ELSE
    SELECT array_agg(DISTINCT o.supports_id) INTO ids FROM changed_old o;
  END IF;
  PERFORM riktning_refresh_supporters(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- What was there before this migration, computed once.
SELECT riktning_refresh_progress(array_agg(id)) FROM objectives;
--> statement-breakpoint
SELECT riktning_refresh_supporters(array_agg(DISTINCT supports_id)) FROM alignments;
--> statement-breakpoint
CREATE TRIGGER key_results_inserted AFTER INSERT ON key_results REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_key_results_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_updated AFTER UPDATE ON key_results REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_key_results_changed();
--> statement-breakpoint
CREATE TRIGGER key_results_deleted AFTER DELETE ON key_results REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_key_results_changed();
--> statement-breakpoint
CREATE TRIGGER objectives_updated AFTER UPDATE ON objectives REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_objectives_changed();
--> statement-breakpoint
CREATE TRIGGER alignments_inserted AFTER INSERT ON alignments REFERENCING NEW TABLE AS changed_new
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_alignments_changed();
--> statement-breakpoint
CREATE TRIGGER alignments_deleted AFTER DELETE ON alignments REFERENCING OLD TABLE AS changed_old
  FOR EACH STATEMENT EXECUTE FUNCTION riktning_alignments_changed();
