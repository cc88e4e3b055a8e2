ALTER TABLE "objectives" ADD COLUMN "lowest_confidence" smallint;--> statement-breakpoint
-- An objective's suggested status needs, besides its progress, the lowest latest confidence
-- of its live key results. The map (30,000 objectives of a quarter) and the dashboard's
-- status counts read it for every objective in view, and aggregating 140,000 key results
-- for it was a quarter of the map's statement. It is kept beside the progress, by the same
-- function and lock, on the same writes, and on a change of a key result's confidence.
CREATE OR REPLACE FUNCTION riktning_refresh_progress(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM objectives WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  UPDATE objectives o SET progress = f.progress, lowest_confidence = f.lowest_confidence
    FROM (SELECT t.id, coalesce(agg.progress, 0) AS progress, agg.lowest_confidence
            FROM objectives t
            LEFT JOIN LATERAL (
              SELECT CASE WHEN sum(greatest(k.weight, 0)) = 0 THEN avg(p.v)
                          ELSE sum(p.v * greatest(k.weight, 0)) / sum(greatest(k.weight, 0)) END AS progress,
                     min(k.confidence) AS lowest_confidence
                FROM key_results k
                CROSS JOIN LATERAL (SELECT riktning_kr_progress(k.metric, k.start_value, k.target_value, k.current_value) AS v) p
               WHERE k.org_id = t.org_id AND k.objective_id = t.id AND k.archived_at IS NULL) agg ON true
           WHERE t.id = ANY(ids)) f
   WHERE o.id = f.id AND (o.progress, o.lowest_confidence) IS DISTINCT FROM (f.progress, f.lowest_confidence);
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
     WHERE (n.metric, n.start_value, n.target_value, n.current_value, n.weight, n.confidence, n.archived_at, n.objective_id)
           IS DISTINCT FROM (o.metric, o.start_value, o.target_value, o.current_value, o.weight, o.confidence, o.archived_at, o.objective_id);
  END IF;
  PERFORM riktning_refresh_progress(ids);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- What was there before this migration, computed once (only objectives with key results
-- that have a confidence change).
SELECT riktning_refresh_progress(array_agg(DISTINCT objective_id)) FROM key_results WHERE confidence IS NOT NULL;
