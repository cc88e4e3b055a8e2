import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase, testEngine } from '../test/test-db.ts';
import { queryRows } from './raw.ts';

describe('the PostgreSQL connection', () => {
  // Prepared statements keep one plan per connection rather than planning at each run.
  it.runIf(testEngine() === 'postgres')('plans prepared statements once (generic plans)', async () => {
    const { db } = await testDatabase();
    const [row] = await queryRows<{ plan_cache_mode: string }>(db, sql`show plan_cache_mode`);
    expect(row?.plan_cache_mode).toBe('force_generic_plan');
  });

  it.runIf(testEngine() === 'postgres')('compiles no query just in time (a page read would pay for it)', async () => {
    const { db } = await testDatabase();
    const [row] = await queryRows<{ jit: string }>(db, sql`show jit`);
    expect(row?.jit).toBe('off');
  });
});
