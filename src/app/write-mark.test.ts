import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/connect.ts';
import { testDatabase } from '../test/test-db.ts';
import { countStatements } from '../test/statements.ts';
import { MARK_READ_SHARED_MS, WriteMark } from './write-mark.ts';

describe('the write mark', () => {
  it('moves after a write, as every process reading it sees', async () => {
    const { db } = await testDatabase();
    const writer = new WriteMark(db);
    // Each read by a process of its own, so that none shares an earlier read.
    const read = () => new WriteMark(db).current();
    const before = BigInt(await read());
    writer.wrote();
    await writer.flush();
    expect(BigInt(await read())).toBeGreaterThan(before);
  });

  it('shares a read of the mark with the reads that come within moments of it', async () => {
    const { db } = await testDatabase();
    const counted = countStatements(db);
    const mark = new WriteMark(counted.db);
    const [first, second] = await Promise.all([mark.current(), mark.current()]);
    expect(second).toBe(first);
    expect(counted.statements()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, MARK_READ_SHARED_MS + 5));
    await mark.current();
    expect(counted.statements()).toBe(2);
  });

  it('moves once for writes that follow one another closely', async () => {
    const { db } = await testDatabase();
    const counted = countStatements(db);
    const mark = new WriteMark(counted.db);
    for (let i = 0; i < 5; i++) mark.wrote();
    await mark.flush();
    expect(counted.statements()).toBe(1);
  });

  it('moves again for a write that ended while it was moving: that move may have come before it', async () => {
    const { db } = await testDatabase();
    let moves = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const mark = new WriteMark(
      withExecute(db, async (execute) => {
        moves++;
        await held;
        return execute();
      }),
    );
    mark.wrote();
    await vi.waitFor(() => expect(moves).toBe(1));
    mark.wrote();
    release();
    await mark.flush();
    expect(moves).toBe(2);
  });

  it('reports a move that failed instead of throwing it at the writer', async () => {
    const { db } = await testDatabase();
    const failures: unknown[] = [];
    const mark = new WriteMark(
      withExecute(db, () => Promise.reject(new Error('the database went away'))),
      (error) => failures.push(error),
    );
    mark.wrote();
    await mark.flush();
    expect(failures).toEqual([new Error('the database went away')]);
  });
});

/** The database, with each prepared statement's execution passed through `around`. */
function withExecute(db: Db, around: (execute: () => Promise<unknown>) => Promise<unknown>): Db {
  const session = db._.session;
  const prepareQuery = (...args: Parameters<typeof session.prepareQuery>) => {
    const prepared = session.prepareQuery(...args);
    return { execute: () => around(() => prepared.execute()) };
  };
  return new Proxy(db, {
    get: (target, property, receiver) =>
      property === '_'
        ? {
            ...target._,
            session: new Proxy(session, {
              get: (s, p, r) => (p === 'prepareQuery' ? prepareQuery : Reflect.get(s, p, r)),
            }),
          }
        : Reflect.get(target, property, receiver),
  });
}
