// The statements of one turn go out together, on one connection, yet each is answered,
// committed and failed on its own (statements-by-turn.ts). On PostgreSQL, straight or through
// the transaction-mode PgBouncer CI runs the suite behind.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../test/test-db.ts';
import { openPostgres, type DatabaseHandle } from './connect.ts';
import { queryRows } from './raw.ts';
import { poolSendingByTurn, STATEMENTS_PER_WRITE } from './statements-by-turn.ts';

const number = async (handle: DatabaseHandle, n: number) =>
  (await queryRows<{ n: number }>(handle.db, sql`select ${n}::int as n`))[0]?.n;

describe.runIf(testEngine() === 'postgres')('statements asked in the same turn', () => {
  // In a schema of its own: every test file shares the database, and a table in public would
  // show in the schema the sharding and Citus tests read.
  const schema = `turn_probe_${Math.random().toString(36).slice(2, 10)}`;
  const table = `${schema}.probe`;
  let setup: DatabaseHandle;
  beforeAll(async () => {
    setup = await openPostgres(process.env.TEST_DATABASE_URL as string, 1);
    await setup.db.execute(sql.raw(`create schema ${schema}`));
    await setup.db.execute(sql.raw(`create table ${table} (n int primary key)`));
  });
  afterAll(async () => {
    await setup.db.execute(sql.raw(`drop schema if exists ${schema} cascade`));
    await setup.close();
  });

  const withPool = async (work: (handle: DatabaseHandle) => Promise<void>) => {
    const handle = await openPostgres(process.env.TEST_DATABASE_URL as string, 10);
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
  };

  it('go out on one connection, each answered to its own caller', async () => {
    await withPool(async (handle) => {
      const asked = Array.from({ length: 10 }, (_, i) => i * 7);
      expect(await Promise.all(asked.map((n) => number(handle, n)))).toEqual(asked);
      // Sent one by one, ten statements at once would have opened ten connections.
      expect(handle.poolUse().total).toBe(1);
    });
  });

  it('go out on further connections, side by side, when there are more than one write carries', async () => {
    await withPool(async (handle) => {
      const asked = Array.from({ length: STATEMENTS_PER_WRITE * 2 + 1 }, (_, i) => i);
      expect(await Promise.all(asked.map((n) => number(handle, n)))).toEqual(asked);
      expect(handle.poolUse().total).toBe(3);
    });
  });

  it('each fail on their own, and a write among them commits whatever the others do', async () => {
    await withPool(async (handle) => {
      const answers = await Promise.allSettled([
        number(handle, 1),
        handle.db.execute(sql.raw(`insert into ${table} (n) values (1)`)),
        queryRows(handle.db, sql`select 1 / ${0}::int`),
        handle.db.execute(sql.raw(`insert into ${table} (n) values (1)`)),
        number(handle, 2),
      ]);
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect(answers[2]).toMatchObject({ reason: { cause: { code: '22012' } } });
      expect(answers[3]).toMatchObject({ reason: { cause: { code: '23505' } } });
      expect([answers[0], answers[4]]).toMatchObject([{ value: 1 }, { value: 2 }]);
      const rows = await queryRows<{ n: number }>(handle.db, sql.raw(`select n from ${table}`));
      expect(rows).toEqual([{ n: 1 }]);
    });
  });

  it('leave transactions alone: a transaction keeps its own connection and its statements', async () => {
    await withPool(async (handle) => {
      const outside = Array.from({ length: 5 }, (_, i) => number(handle, i));
      const inside = handle.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} (n) values (2)`));
        tx.rollback();
      });
      await expect(inside).rejects.toThrow();
      expect(await Promise.all(outside)).toEqual([0, 1, 2, 3, 4]);
      expect(await queryRows(handle.db, sql.raw(`select n from ${table} where n = 2`))).toEqual([]);
    });
  });

  it('are answered with an error, not left waiting, when their connection is lost; the next turn goes on', async () => {
    await withPool(async (handle) => {
      const answers = await Promise.allSettled([
        number(handle, 1),
        queryRows(handle.db, sql`select pg_terminate_backend(pg_backend_pid())`),
        number(handle, 3),
      ]);
      expect(answers[0]).toMatchObject({ status: 'fulfilled', value: 1 });
      expect(answers[2]).toMatchObject({ status: 'rejected' });
      expect(await number(handle, 4)).toBe(4);
    });
  });

  it("leave node-postgres's callback form as it is", async () => {
    const pool = poolSendingByTurn({ connectionString: process.env.TEST_DATABASE_URL as string, max: 2 });
    try {
      const answer = await new Promise<unknown>((resolve, reject) =>
        pool.query('select 5 as n', (error, result) => (error ? reject(error) : resolve(result.rows))),
      );
      expect(answer).toEqual([{ n: 5 }]);
    } finally {
      await pool.end();
    }
  });
});
