// Every check-in rewrites its key result's row (the latest value) and its objective's (the
// stored progress), and those of the objectives it supports. None of those columns is
// indexed, so PostgreSQL can write the new version beside the old on the same page (a HOT
// update) and leave the tables' eight and ten indexes alone, if the page has room: the
// tables keep some free on every page (migration 0028), even right after a bulk load.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCycle, createObjective, createOrg } from '../test/factories.ts';
import { testDatabase } from '../test/test-db.ts';
import type { Queryable } from './connect.ts';
import { queryRows } from './raw.ts';

/** The page a row's current version lives on. */
async function pageOf(db: Queryable, table: 'key_results' | 'objectives', id: string): Promise<number> {
  const [row] = await queryRows<{ page: string }>(
    db,
    sql`select (ctid::text::point)[0]::bigint as page from ${sql.identifier(table)} where id = ${id}`,
  );
  if (!row) throw new Error(`no ${table} row ${id}`);
  return Number(row.page);
}

/** Rows of one size, many pages' worth, written in one statement as a bulk load writes them. */
async function loadObjectives(db: Queryable, orgId: string, cycleId: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into objectives (org_id, cycle_id, level, title)
        select ${orgId}::uuid, ${cycleId}::uuid, 'organization', 'Objective ' || lpad(n::text, 6, '0')
          from generate_series(1, ${count}::int) n
        returning id`,
  );
  return rows.map((row) => row.id);
}

async function loadKeyResults(db: Queryable, orgId: string, objectiveId: string, count: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`insert into key_results (org_id, objective_id, title, metric, target_value, position)
        select ${orgId}::uuid, ${objectiveId}::uuid, 'Key result ' || lpad(n::text, 6, '0'), 'increase_to', 100, n
          from generate_series(1, ${count}::int) n
        returning id`,
  );
  return rows.map((row) => row.id);
}

describe('room for updates in place', () => {
  it('keeps a fifth of every key result and objective page free', async () => {
    const { db } = await testDatabase();
    const rows = await queryRows<{ relname: string; reloptions: string[] | null }>(
      db,
      sql`select relname, reloptions from pg_class
           where relname in ('key_results', 'objectives') and relkind = 'r'
             and relnamespace = 'public'::regnamespace order by relname`,
    );
    expect(rows).toEqual([
      { relname: 'key_results', reloptions: ['fillfactor=80'] },
      { relname: 'objectives', reloptions: ['fillfactor=80'] },
    ]);
  });

  it('writes a check-in’s new key result and objective versions on the pages the old ones are on', async () => {
    const { db } = await testDatabase();
    const { org } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    // Enough rows to fill several pages, so the first ones are as full as a load leaves them.
    const [firstObjective] = await loadObjectives(db, org.id, cycle.id, 200);
    const objective = await createObjective(db, org.id, cycle.id);
    const [firstKeyResult] = await loadKeyResults(db, org.id, objective.id, 300);
    if (!firstObjective || !firstKeyResult) throw new Error('nothing loaded');

    const keyResultPage = await pageOf(db, 'key_results', firstKeyResult);
    const objectivePage = await pageOf(db, 'objectives', firstObjective);
    // What a check-in writes to the key result; its objective's stored progress follows.
    await db.execute(sql`update key_results set current_value = 40, confidence = 7, last_check_in_at = now(),
                                 version = version + 1, updated_at = now() where id = ${firstKeyResult}`);
    await db.execute(sql`update objectives set progress = 0.4 where id = ${firstObjective}`);

    expect(await pageOf(db, 'key_results', firstKeyResult)).toBe(keyResultPage);
    expect(await pageOf(db, 'objectives', firstObjective)).toBe(objectivePage);
  });
});
