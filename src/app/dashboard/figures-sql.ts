// Key-result progress and suggested status as SQL expressions, so that a dashboard over
// a hundred thousand key results reduces them in the database instead of loading them.
// They mirror core/progress.ts and core/status.ts; figures-sql.test.ts holds them to the
// core functions over a table of cases, on both engines.
import { sql, type SQL } from 'drizzle-orm';
import {
  AT_RISK_CONFIDENCE,
  AT_RISK_GAP,
  GAP_TOLERANCE,
  OFF_TRACK_CONFIDENCE,
  OFF_TRACK_GAP,
} from '../../core/status.ts';

/**
 * Progress 0–1 of the key result aliased `k` (core keyResultProgress): the database's own
 * function (migration 0006), which also keeps objectives' stored progress; being a plain
 * SQL function, PostgreSQL inlines it.
 */
export function keyResultProgressSql(k: string): SQL<number> {
  const col = (name: string) => sql.raw(`${k}.${name}`);
  return sql<number>`riktning_kr_progress(${col('metric')}, ${col('start_value')}, ${col('target_value')}, ${col('current_value')})`;
}

/**
 * The suggested status of a key result (core suggestedStatus) from its progress, the
 * expected progress and its latest confidence (null before the first check-in).
 */
export function suggestedStatusSql(progress: SQL, expected: number, confidence: SQL): SQL<string> {
  const gap = sql`(${expected}::float8 - ${progress} + ${GAP_TOLERANCE}::float8)`;
  return sql<string>`(case
    when ${confidence} <= ${OFF_TRACK_CONFIDENCE} then 'off_track'
    when ${gap} >= ${OFF_TRACK_GAP}::float8 then 'off_track'
    when ${gap} >= ${AT_RISK_GAP}::float8 then 'at_risk'
    when ${confidence} <= ${AT_RISK_CONFIDENCE} then 'at_risk'
    else 'on_track' end)`;
}
