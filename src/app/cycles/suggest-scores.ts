// Closing a cycle gives every objective and key result of it that has no final score yet
// the suggested one (core/scoring.ts). A fixed number of statements whatever the size of
// the cycle: one read of its key results, one update per table and one insert of audit
// events, each carrying its rows as one parameter (drivers cap the number of parameters).
// The scores come from core's rules rather than a copy of them in SQL.
import { sql } from 'drizzle-orm';
import type { Metric } from '../../core/domain.ts';
import { keyResultProgress } from '../../core/progress.ts';
import { suggestedKeyResultScore, suggestedObjectiveScore } from '../../core/scoring.ts';
import type { Tx } from '../../db/connect.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';

interface Row {
  objective_id: string;
  unit_id: string | null;
  objective_score: number | null;
  kr_id: string | null;
  metric: Metric | null;
  start_value: number | null;
  target_value: number | null;
  current_value: number | null;
  weight: number | null;
  kr_score: number | null;
}

interface ObjectiveScores {
  unitId: string | null;
  current: number | null;
  keyResults: { id: string; finalScore: number | null; progress: number; weight: number }[];
}

export interface SuggestedScores {
  objectives: number;
  keyResults: number;
}

export async function fillSuggestedScores(
  tx: Tx,
  orgId: string,
  cycleId: string,
  actorId: string,
  now: Date,
): Promise<SuggestedScores> {
  // Rows are locked, so an owner scoring at this moment waits rather than being overwritten.
  const rows = await queryRows<Row>(
    tx,
    sql`
    select o.id as objective_id, o.unit_id, o.final_score as objective_score,
           k.id as kr_id, k.metric, k.start_value, k.target_value, k.current_value, k.weight,
           k.final_score as kr_score
      from objectives o
      left join key_results k on k.org_id = o.org_id and k.objective_id = o.id and k.archived_at is null
     where o.org_id = ${orgId} and o.cycle_id = ${cycleId} and o.archived_at is null
       for update of o`,
  );

  const byObjective = new Map<string, ObjectiveScores>();
  for (const row of rows) {
    const entry = byObjective.get(row.objective_id) ?? {
      unitId: row.unit_id,
      current: row.objective_score,
      keyResults: [],
    };
    byObjective.set(row.objective_id, entry);
    if (row.kr_id === null || row.metric === null) continue;
    entry.keyResults.push({
      id: row.kr_id,
      finalScore: row.kr_score,
      weight: row.weight ?? 1,
      progress: keyResultProgress({
        metric: row.metric,
        start: row.start_value ?? 0,
        target: row.target_value ?? 0,
        current: row.current_value ?? 0,
      }),
    });
  }

  const krScores: { id: string; score: number }[] = [];
  const objectiveScores: { id: string; score: number }[] = [];
  const events: { id: string; unitId: string | null; after: unknown }[] = [];
  for (const [id, entry] of byObjective) {
    const filled: { id: string; finalScore: number }[] = [];
    for (const kr of entry.keyResults) {
      if (kr.finalScore !== null) continue;
      const score = suggestedKeyResultScore(kr.progress);
      krScores.push({ id: kr.id, score });
      filled.push({ id: kr.id, finalScore: score });
    }
    const objectiveScore = entry.current ?? suggestedObjectiveScore(entry.keyResults);
    if (entry.current === null) objectiveScores.push({ id, score: objectiveScore });
    if (entry.current === null || filled.length > 0) {
      events.push({
        id,
        unitId: entry.unitId,
        after: { finalScore: objectiveScore, keyResults: filled, suggested: true },
      });
    }
  }

  // Only where none is given yet: an owner who scored meanwhile keeps their score.
  await setFinalScores(tx, 'key_results', orgId, krScores, now, { onlyMissing: true });
  await setFinalScores(tx, 'objectives', orgId, objectiveScores, now, { onlyMissing: true });
  if (events.length > 0) {
    await tx.execute(sql`
      insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id, unit_id, before, after)
      select ${orgId}, ${actorId}, 'objective.score', 'objective', e.id::text, e.id, e.unit_id, null, e.after
        from jsonb_to_recordset(${JSON.stringify(events.map((e) => ({ id: e.id, unit_id: e.unitId, after: e.after })))}::jsonb)
          as e(id uuid, unit_id uuid, after jsonb)`);
  }
  return { objectives: objectiveScores.length, keyResults: krScores.length };
}

/**
 * Sets each row's score from an id → score object, choosing the rows by `id = any(…)`.
 * Not a join with the list: a join's plan depends on statistics, and right after a bulk
 * load (or on PGlite, which runs no autovacuum) the planner took a table of thousands of
 * rows for a handful and looped over it once per score — a minute for 20,000 key results
 * instead of under a second.
 */
export async function setFinalScores(
  tx: Tx,
  table: 'key_results' | 'objectives',
  orgId: string,
  scores: { id: string; score: number | null }[],
  now: Date,
  options: { onlyMissing: boolean },
): Promise<void> {
  if (scores.length === 0) return;
  const byId = JSON.stringify(Object.fromEntries(scores.map((s) => [s.id, s.score])));
  await tx.execute(sql`
    update ${sql.identifier(table)} t
       set final_score = (${byId}::jsonb ->> t.id::text)::float8, version = t.version + 1, updated_at = ${now}
     where t.org_id = ${orgId} and t.id = any(${uuidArray(scores.map((s) => s.id))})
       ${options.onlyMissing ? sql`and t.final_score is null` : sql``}`);
}
