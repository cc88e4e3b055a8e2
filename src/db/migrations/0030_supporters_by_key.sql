-- Recounting an objective's supporters (after alignments are added or removed) first locks
-- the supporting objectives. Since 0026 the alignments' index on what they support leads
-- with org_id, and that lock's lookup named only `supports_id`: it read the whole index on
-- every change of alignments. It now reaches them through the supported objectives, whose
-- org_id it knows. Otherwise as in 0006: supporters locked in id order, then the objectives.
CREATE OR REPLACE FUNCTION riktning_refresh_supporters(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM objectives t
    JOIN alignments a ON a.org_id = t.org_id AND a.supports_id = t.id
    JOIN objectives c ON c.org_id = a.org_id AND c.id = a.objective_id
   WHERE t.id = ANY(ids) ORDER BY c.id FOR SHARE OF c;
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
