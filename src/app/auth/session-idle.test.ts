// Every request authenticates, so recording a session's use must not make every request a
// write: without the cache, a session is one read per request, and a write only when its
// recorded use has grown stale (an hour with the default week of idle time).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema.ts';
import { TestClock } from '../../test/clock.ts';
import { createAccount } from '../../test/factories.ts';
import { countStatements } from '../../test/statements.ts';
import { testDatabase } from '../../test/test-db.ts';
import { inTransaction } from '../transaction.ts';
import { authenticateSession } from './authenticate.ts';
import { hashSecret } from './secrets.ts';
import { startSession } from './session.ts';
import { touchIntervalMs } from './session-idle.ts';

const MINUTE = 60_000;

describe('recording the use of a session', () => {
  it('reads once per request and writes the last use at most once an hour', async () => {
    const { db } = await testDatabase();
    const clock = new TestClock();
    const start = clock.now().getTime();
    const person = await createAccount(db);
    const { sessionToken } = await inTransaction({ db, now: clock.now }, (tx) =>
      startSession(tx, clock.now(), person.id),
    );
    const counting = countStatements(db);
    const deps = { db: counting.db, now: clock.now };
    /** The statements one authentication `minutes` after sign-in takes; it must succeed. */
    const statementsAt = async (minutes: number) => {
      clock.set(new Date(start + minutes * MINUTE));
      const before = counting.statements();
      expect((await authenticateSession(deps, sessionToken)).caller?.accountId).toBe(person.id);
      return counting.statements() - before;
    };
    const lastUsed = async () =>
      (
        await db
          .select()
          .from(sessions)
          .where(eq(sessions.tokenHash, hashSecret(sessionToken)))
      )[0]?.lastUsedAt;

    expect([await statementsAt(1), await statementsAt(30), await statementsAt(59)]).toEqual([1, 1, 1]);
    expect(await lastUsed()).toEqual(new Date(start));
    expect(await statementsAt(61)).toBe(2);
    expect(await lastUsed()).toEqual(new Date(start + 61 * MINUTE));
    expect([await statementsAt(62), await statementsAt(120)]).toEqual([1, 1]);
  });

  it('records use more often when the idle time is short, never more than once a minute', () => {
    expect(touchIntervalMs(7 * 24 * 60 * MINUTE)).toBe(60 * MINUTE);
    expect(touchIntervalMs(60 * MINUTE)).toBe(3 * MINUTE);
    expect(touchIntervalMs(5 * MINUTE)).toBe(MINUTE);
  });
});
