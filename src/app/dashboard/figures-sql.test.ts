// The SQL forms of progress and status must agree with core's, case by case.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { METRICS, type Metric } from '../../core/domain.ts';
import { keyResultProgress } from '../../core/progress.ts';
import { suggestedStatus } from '../../core/status.ts';
import { queryRows } from '../../db/raw.ts';
import { testDatabase } from '../../test/test-db.ts';
import { keyResultProgressSql, suggestedStatusSql } from './figures-sql.ts';

describe('keyResultProgressSql', () => {
  it('equals keyResultProgress for every metric over starts, targets and values', async () => {
    const { db } = await testDatabase();
    const cases: { metric: Metric; start: number; target: number; current: number }[] = [];
    const pairs = [
      [0, 100],
      [100, 0],
      [50, 50],
      [0, 1],
      [1, 0],
      [-10, 10],
    ] as const;
    for (const metric of METRICS)
      for (const [start, target] of pairs)
        for (const current of [-20, 0, 0.3, 1, 25, 50, 99.99, 100, 150]) cases.push({ metric, start, target, current });
    const rows = await queryRows<{ progress: number }>(
      db,
      sql`select ${keyResultProgressSql('k')} as progress
            from json_to_recordset(${JSON.stringify(cases.map(({ metric, start, target, current }, n) => ({ metric, start_value: start, target_value: target, current_value: current, n })))}::json)
                 as k(metric text, start_value float8, target_value float8, current_value float8, n int)
           order by n`,
    );
    expect(rows.map((r) => r.progress)).toEqual(cases.map((c) => keyResultProgress(c)));
  });
});

describe('suggestedStatusSql', () => {
  it('equals suggestedStatus over progress, expected progress and confidence', async () => {
    const { db } = await testDatabase();
    const progresses = [0, 0.05, 0.15, 0.2, 0.35, 0.351, 0.5, 0.55, 0.85, 1];
    const confidences = [null, 0, 3, 4, 6, 7, 10];
    for (const expected of [0, 0.15, 0.35, 0.5, 0.7, 1]) {
      const cases = progresses.flatMap((progress) => confidences.map((confidence) => ({ progress, confidence })));
      const rows = await queryRows<{ status: string }>(
        db,
        sql`select ${suggestedStatusSql(sql`c.progress`, expected, sql`c.confidence`)} as status
              from json_to_recordset(${JSON.stringify(cases.map((c, n) => ({ ...c, n })))}::json) as c(progress float8, confidence smallint, n int)
             order by n`,
      );
      expect(
        rows.map((r) => r.status),
        `expected ${expected}`,
      ).toEqual(cases.map((c) => suggestedStatus({ ...c, expected })));
    }
  });
});
