// A unit's status counts and alignment health are kept by the server for the readers who
// read the same objectives, and dropped by a write, a check-in written without a
// transaction among them.
import { describe, expect, it } from 'vitest';
import { countStatements } from '../test/statements.ts';
import { testDatabase } from '../test/test-db.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../test/factories.ts';
import { createAppCaches } from './caches.ts';
import { checkIn } from './check-ins/check-in.ts';
import type { AppDeps } from './context.ts';
import { getDashboardSummary } from './dashboard/get-dashboard-summary.ts';
import { getAlignmentHealth } from './health/alignment-health.ts';
import { archiveObjective } from './objectives/archive-objective.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

/** A team of three members: Sara and Olle own nothing of their own, Pia a private objective. */
async function team() {
  const { db } = await testDatabase();
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const unit = await createUnit(db, org.id);
  const [sara, olle, pia] = [
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
  ];
  for (const person of [sara, olle, pia]) await addToUnit(db, org.id, unit.id, person.id, 'member');
  const objective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const keyResult = await createKeyResult(db, org.id, objective.id, { ownerId: sara.id });
  const secret = await createObjective(
    db,
    org.id,
    cycle.id,
    { level: 'person', personId: pia.id },
    { visibility: 'private' },
  );
  await createKeyResult(db, org.id, secret.id, { ownerId: pia.id });
  const caches = createAppCaches();
  const counting = countStatements(db);
  const deps: AppDeps = { db: counting.db, now: () => NOW, caches };
  const asked = { cycleId: cycle.id, unitId: unit.id };
  /** What the reader is answered, and how many statements it took. */
  const measured = async <T>(read: () => Promise<T>) => {
    const before = counting.statements();
    const answer = await read();
    return { answer, statements: counting.statements() - before };
  };
  const summary = (accountId: string) =>
    measured(async () => {
      const { objectives } = await getDashboardSummary(deps, { accountId, caches }, org.id, asked);
      return { total: objectives.total, onTrack: objectives.byStatus.on_track };
    });
  const health = (accountId: string) =>
    measured(async () => (await getAlignmentHealth(deps, { accountId, caches }, org.id, asked)).unitObjectives.total);
  return { deps, caches, owner, sara, olle, pia, objective, keyResult, summary, health };
}

describe('answers kept for an audience', () => {
  it('serve the readers of the same objectives, and a reader with a private objective apart', async () => {
    const { caches, sara, olle, pia, summary, health } = await team();
    // Each reader's role and audience known, as after their first page.
    for (const reader of [sara, olle, pia]) {
      await summary(reader.id);
      await health(reader.id);
    }
    caches.summaries.clear();
    caches.health.clear();

    expect(await summary(sara.id)).toEqual({ answer: { total: 1, onTrack: 0 }, statements: 1 });
    expect(await summary(olle.id)).toEqual({ answer: { total: 1, onTrack: 0 }, statements: 0 });
    // Pia counts her private objective: worked out for her alone, and never served to the others.
    expect(await summary(pia.id)).toEqual({ answer: { total: 2, onTrack: 0 }, statements: 1 });
    expect(await summary(olle.id)).toEqual({ answer: { total: 1, onTrack: 0 }, statements: 0 });

    expect(await health(sara.id)).toEqual({ answer: 1, statements: 1 });
    expect(await health(olle.id)).toEqual({ answer: 1, statements: 0 });
  });

  it('are worked out again after a check-in, and after any other write', async () => {
    const { deps, owner, sara, olle, objective, keyResult, summary, health } = await team();
    await summary(olle.id);
    await health(olle.id);
    expect(await summary(olle.id)).toMatchObject({ statements: 0 });

    // One check-in, written without a transaction (check-in.ts): the team's objective is on track.
    await checkIn(deps, { accountId: sara.id, caches: deps.caches }, keyResult.id, { value: 100, confidence: 9 });
    expect(await summary(olle.id)).toMatchObject({ answer: { total: 1, onTrack: 1 } });

    expect(await health(olle.id)).toMatchObject({ answer: 1 });
    await archiveObjective(deps, { accountId: owner.id, caches: deps.caches }, objective.id);
    expect(await health(olle.id)).toMatchObject({ answer: 0 });
    expect(await summary(olle.id)).toMatchObject({ answer: { total: 0, onTrack: 0 } });
  });
});
