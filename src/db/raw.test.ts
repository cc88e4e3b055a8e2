import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from './raw.ts';
import { literalText } from './raw.ts';
import { testDatabase } from '../test/test-db.ts';

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
