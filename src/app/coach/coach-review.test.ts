// The coach's review of a unit is kept by the server and shared only among readers who
// read the same objectives; a write drops it.
import { describe, expect, it } from 'vitest';
import { countStatements } from '../../test/statements.ts';
import { testDatabase } from '../../test/test-db.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createPrivateObjective,
  createUnit,
} from '../../test/factories.ts';
import { createAppCaches } from '../caches.ts';
import type { AppDeps } from '../context.ts';
import { archiveObjective } from '../objectives/archive-objective.ts';
import { listAdvice } from './list-advice.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

/** A team of four members: Sara and Olle own nothing of their own, Pia a private objective, Mats a draft. */
async function team() {
  const { db } = await testDatabase();
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id);
  const unit = await createUnit(db, org.id, { name: 'Marknad', vision: 'v', mission: 'm' });
  const [sara, olle, pia, mats] = [
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
  ];
  for (const person of [sara, olle, pia, mats]) await addToUnit(db, org.id, unit.id, person.id, 'member');
  // Each objective has a key result without an owner: advice the coach gives about each.
  const teamObjective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const teamKeyResult = await createKeyResult(db, org.id, teamObjective.id, { ownerId: null });
  const secret = await createPrivateObjective(db, org.id, cycle.id, pia.id);
  const secretKeyResult = await createKeyResult(db, org.id, secret.id, { ownerId: null });
  const draft = await createObjective(
    db,
    org.id,
    cycle.id,
    { level: 'person', personId: mats.id },
    { lifecycle: 'draft' },
  );
  const draftKeyResult = await createKeyResult(db, org.id, draft.id, { ownerId: null });
  const caches = createAppCaches();
  const counting = countStatements(db);
  const deps: AppDeps = { db: counting.db, now: () => NOW, caches };
  /** The key results the reader is told have no owner, on the unit page's coach corner, and the statements it took. */
  const unowned = async (accountId: string) => {
    const before = counting.statements();
    const answer = await listAdvice(deps, { accountId, caches }, org.id, {
      cycleId: cycle.id,
      unitId: unit.id,
      subunits: false,
      locale: 'en',
    });
    const keyResults = answer.items.filter((a) => a.ruleId === 'key-result.no-owner').map((a) => a.target.id);
    return { keyResults: keyResults.sort(), statements: counting.statements() - before };
  };
  return {
    deps,
    caches,
    owner,
    sara,
    olle,
    pia,
    mats,
    teamObjective,
    teamKeyResult,
    secretKeyResult,
    draftKeyResult,
    unowned,
  };
}

describe('the coach’s review of a unit', () => {
  it('is worked out once for the readers of the same objectives, apart for one with a private objective or a draft', async () => {
    const { caches, sara, olle, pia, mats, teamKeyResult, secretKeyResult, draftKeyResult, unowned } = await team();
    // Each reader's role and audience known, as after their first page.
    for (const reader of [sara, olle, pia, mats]) await unowned(reader.id);
    caches.coach.clear();

    expect(await unowned(sara.id)).toEqual({ keyResults: [teamKeyResult.id], statements: 1 });
    // Olle reads what Sara reads: her review serves him, without a statement.
    expect(await unowned(olle.id)).toEqual({ keyResults: [teamKeyResult.id], statements: 0 });
    // Pia's private objective and Mats's draft are theirs to read: each is worked out apart.
    expect(await unowned(pia.id)).toEqual({ keyResults: [teamKeyResult.id, secretKeyResult.id].sort(), statements: 1 });
    expect(await unowned(mats.id)).toEqual({ keyResults: [teamKeyResult.id, draftKeyResult.id].sort(), statements: 1 });
    // And theirs never serve the others.
    expect(await unowned(olle.id)).toEqual({ keyResults: [teamKeyResult.id], statements: 0 });
  });

  it('is worked out again after a write', async () => {
    const { deps, owner, sara, olle, teamObjective, unowned } = await team();
    await unowned(sara.id);
    expect((await unowned(olle.id)).statements).toBeGreaterThan(0); // his role, then nothing more
    expect(await unowned(olle.id)).toMatchObject({ statements: 0 });

    await archiveObjective(deps, { accountId: owner.id, caches: deps.caches }, teamObjective.id);
    expect(await unowned(olle.id)).toMatchObject({ keyResults: [] });
  });
});
