import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databasePoolerFromEnv } from './postgres-pooler.ts';
import { literalText, preparedRows, queryRows } from './raw.ts';
import { testDatabase, testEngine } from '../test/test-db.ts';

describe('literalText', () => {
  it('writes any text as a literal that reads back as the same text', async () => {
    const { db } = await testDatabase();
    const texts = [
      "it's",
      'back\\slash',
      "\\'; drop table accounts; --",
      '50% of user_id',
      'åäö ”citat”',
      "''\\\\''",
      'a\0b',
    ];
    for (const text of texts) {
      const [row] = await queryRows<{ value: string }>(db, sql`select ${literalText(text)}::text as value`);
      expect(row?.value).toBe(text.replaceAll('\0', ''));
    }
  });
});

describe('preparedRows', () => {
  it('answers as queryRows does, with its values bound', async () => {
    const { db } = await testDatabase();
    for (const n of [1, 2]) {
      const rows = await preparedRows<{ n: number; label: string }>(
        db,
        sql`select ${n}::int as n, ${`row ${n}`} as label`,
      );
      expect(rows).toEqual([{ n, label: `row ${n}` }]);
    }
  });

  // Behind a transaction-mode pooler nothing may stay prepared on a connection (postgres-pooler.ts).
  const pooled = databasePoolerFromEnv() === 'transaction';
  it.runIf(testEngine() === 'postgres')(
    'prepares a text once per connection, whatever its values (none behind a pooler)',
    async () => {
      const { db } = await testDatabase();
      const prepared = await db.transaction(async (tx) => {
        for (const n of [1, 2, 3]) await preparedRows(tx, sql`select ${n}::int as prepared_rows_probe`);
        return queryRows<{ count: number }>(
          tx,
          sql`select count(*)::int as count from pg_prepared_statements where statement like '%prepared_rows_probe%'`,
        );
      });
      expect(prepared).toEqual([{ count: pooled ? 0 : 1 }]);
    },
  );
});
