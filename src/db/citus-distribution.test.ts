// The Citus distribution migration (docs/scaling.md) cannot run here: Citus is not
// installable on this machine. What it says is checked against the schema instead: every
// organisation table is distributed by org_id in one co-location group, every other table is
// a reference table, each after the tables it refers to; and without the extension it does
// nothing.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../test/test-db.ts';
import { queryRows } from './raw.ts';
import { NON_ORGANISATION_TABLES, organisationTables, readTableKeys } from './sharding-rule.ts';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
const MIGRATION = '0027_citus_distribution';

interface Distribution {
  table: string;
  kind: 'reference' | 'distributed';
  column?: string;
  colocateWith?: string;
}

/** The create_reference_table and create_distributed_table calls, in the migration's order. */
function distributionsIn(text: string): Distribution[] {
  const calls = /create_(reference|distributed)_table\('(\w+)'(?:, '(\w+)')?(?:, colocate_with => '(\w+)')?\)/g;
  return [...text.matchAll(calls)].map(([, kind, table, column, colocateWith]) => ({
    table: table as string,
    kind: kind as Distribution['kind'],
    column,
    colocateWith,
  }));
}

describe('the Citus distribution migration', () => {
  it('distributes exactly the organisation tables by org_id, co-located, and makes the rest reference tables, parents first', async () => {
    const { db } = await testDatabase();
    const tables = await readTableKeys(db);
    const calls = distributionsIn(await readFile(`${migrationsDir}/${MIGRATION}.sql`, 'utf8'));
    const distributed = calls.filter((c) => c.kind === 'distributed');
    const reference = calls.filter((c) => c.kind === 'reference');

    expect(distributed.map((c) => c.table).sort()).toEqual(organisationTables(tables).sort());
    expect(reference.map((c) => c.table).sort()).toEqual(Object.keys(NON_ORGANISATION_TABLES).sort());
    expect(calls).toHaveLength(tables.length);

    const [anchor, ...rest] = distributed;
    expect(anchor).toMatchObject({ column: 'org_id', colocateWith: undefined });
    for (const call of rest) expect(call).toMatchObject({ column: 'org_id', colocateWith: anchor?.table });

    // Citus distributes a table only once the tables it refers to are distributed or reference tables.
    const position = new Map(calls.map((c, i) => [c.table, i]));
    for (const table of tables) {
      for (const ref of table.references.filter((r) => r.foreignTable !== table.name)) {
        expect(position.get(ref.foreignTable), `${table.name} → ${ref.foreignTable}`).toBeLessThan(
          position.get(table.name) as number,
        );
      }
    }
  });

  it('does nothing where the citus extension is not installed: it ran, and running it again changes no table', async () => {
    const { db } = await testDatabase();
    expect(await queryRows(db, sql`select 1 from pg_extension where extname = 'citus'`)).toEqual([]);
    const journal = JSON.parse(await readFile(`${migrationsDir}/meta/_journal.json`, 'utf8')) as {
      entries: { tag: string }[];
    };
    const [applied] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(journal.entries.map((e) => e.tag)).toContain(MIGRATION);
    expect(applied?.n).toBe(journal.entries.length);

    const before = await readTableKeys(db);
    await db.execute(sql.raw(await readFile(`${migrationsDir}/${MIGRATION}.sql`, 'utf8')));
    expect(await readTableKeys(db)).toEqual(before);
  });
});
