// The coach and the health figures read a fixed number of statements, whatever the size
// of the organisation: counted here by wrapping the database handle.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { activities, alignments, keyResultAlignments } from '../../db/schema.ts';
import { testDatabase } from '../../test/test-db.ts';
import { countStatements } from '../../test/statements.ts';
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
import { createAppCaches, forgetOkrAnswers } from '../caches.ts';
import type { AppDeps } from '../context.ts';
import { getAlignmentHealth } from '../health/alignment-health.ts';
import { actorInOrg } from '../scope.ts';
import { unitScope } from '../units/unit-tree.ts';
import { runCoach } from '../../core/coach/rules.ts';
import { checkDraft } from './check-draft.ts';
import { loadCoachContext } from './coach-snapshot.ts';
import { adviceInScope } from './coach-view.ts';
import { listAdvice } from './list-advice.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

/** `objectiveId` supports the key result, and so its objective, as the API links them. */
async function supportKeyResult(db: Db, orgId: string, objectiveId: string, kr: { id: string; objectiveId: string }) {
  await db.insert(alignments).values({ orgId, objectiveId, supportsId: kr.objectiveId });
  await db.insert(keyResultAlignments).values({ orgId, objectiveId, supportsId: kr.objectiveId, keyResultId: kr.id });
}

/**
 * An organisation with `size` units, each with three objectives of three key results with
 * activities, and a person whose objective supports the first of those key results.
 */
async function organisation(db: Db, size: number) {
  const { org, owner } = await createOrg(db);
  const year = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const cycle = await createCycle(db, org.id, { parentId: year.id });
  const top = await createObjective(db, org.id, year.id);
  let firstUnit = '';
  let firstKeyResult = '';
  for (let u = 0; u < size; u++) {
    const unit = await createUnit(db, org.id);
    firstUnit ||= unit.id;
    const person = await createMember(db, org.id, 'member');
    await addToUnit(db, org.id, unit.id, person.id, 'member');
    const krs = [];
    for (let o = 0; o < 3; o++) {
      const objective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
      await db.insert(alignments).values({ orgId: org.id, objectiveId: objective.id, supportsId: top.id });
      for (let k = 0; k < 3; k++) {
        const kr = await createKeyResult(db, org.id, objective.id, { ownerId: person.id });
        await db.insert(activities).values({ orgId: org.id, keyResultId: kr.id, title: 'Göra' });
        krs.push(kr);
      }
    }
    const own = await createObjective(db, org.id, cycle.id, { level: 'person', personId: person.id });
    const [first] = krs;
    if (first) {
      await supportKeyResult(db, org.id, own.id, first);
      firstKeyResult ||= first.id;
    }
  }
  return { org, owner, cycle, unitId: firstUnit, keyResultId: firstKeyResult };
}

describe('the coach’s snapshot', () => {
  it('takes the same statements per call for an organisation of one unit and one of twelve', async () => {
    const { db } = await testDatabase();
    const figures = [];
    for (const size of [1, 12]) {
      const { org, owner, cycle, unitId, keyResultId } = await organisation(db, size);
      // With the server's caches, warmed by a first call: what a page costs after the first.
      const caches = createAppCaches();
      const caller = { accountId: owner.id, caches };
      const counting = countStatements(db);
      const deps: AppDeps = { db: counting.db, now: () => NOW, caches };
      const calls: Record<string, () => Promise<unknown>> = {
        snapshot: async () => loadCoachContext(deps, await actorInOrg(deps.db, caller, org.id), cycle.id, NOW),
        advice: () => listAdvice(deps, caller, org.id, { cycleId: cycle.id, locale: 'en' }),
        unitAdvice: () => listAdvice(deps, caller, org.id, { cycleId: cycle.id, unitId, locale: 'en' }),
        draft: () =>
          checkDraft(deps, caller, org.id, {
            cycleId: cycle.id,
            level: 'unit',
            unitId,
            title: 'Ett nytt mål',
            supportsKeyResultIds: [keyResultId],
            keyResults: [{ title: '10 nya kunder', metric: 'increase_to', target: 10 }],
            locale: 'sv',
          }),
        health: () => getAlignmentHealth(deps, caller, org.id, { cycleId: cycle.id }),
        unitHealth: () => getAlignmentHealth(deps, caller, org.id, { cycleId: cycle.id, unitId }),
      };
      const perCall: Record<string, number> = {};
      for (const [name, call] of Object.entries(calls)) {
        await call();
        // The kept answers dropped, as any write drops them: what a read costs then.
        forgetOkrAnswers(deps);
        const before = counting.statements();
        await call();
        perCall[name] = counting.statements() - before;
      }
      figures.push(perCall);
      const context = await loadCoachContext({ db }, await actorInOrg(db, caller, org.id), cycle.id, NOW);
      expect(context.snapshot.objectives).toHaveLength(1 + size * 4);
      expect(context.snapshot.objectives.flatMap((o) => o.keyResults)).toHaveLength(size * 9);
      expect(context.snapshot.objectives.flatMap((o) => o.keyResults).every((kr) => kr.hasActionPlan === true)).toBe(
        true,
      );
      expect(context.snapshot.objectives.flatMap((o) => o.supportsKeyResults)).toHaveLength(size);
    }
    expect(figures[1]).toEqual(figures[0]);
    // The figures themselves, so that a new query shows up here.
    expect(figures[0]).toEqual({ snapshot: 1, advice: 1, unitAdvice: 1, draft: 3, health: 1, unitHealth: 1 });
  });

  it('reads the key results an objective supports, with their titles, only where the reader may read them', async () => {
    const { db } = await testDatabase();
    const { org, owner } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const unit = await createUnit(db, org.id, { name: 'Marknad' });
    const team = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    const events = await createKeyResult(db, org.id, team.id, {
      title: '300 deltagare på interna event',
      targetValue: 300,
    });
    const [sara, mats] = [await createMember(db, org.id, 'member'), await createMember(db, org.id, 'member')];
    const own = await createObjective(db, org.id, cycle.id, { level: 'person', personId: sara.id });
    await supportKeyResult(db, org.id, own.id, events);
    // Mats's public objective supports a key result of his private one.
    const secret = await createPrivateObjective(db, org.id, cycle.id, mats.id);
    const hidden = await createKeyResult(db, org.id, secret.id, { title: 'Hemligt' });
    const his = await createObjective(db, org.id, cycle.id, { level: 'person', personId: mats.id });
    await supportKeyResult(db, org.id, his.id, hidden);

    const snapshotOf = async (accountId: string) => {
      const context = await loadCoachContext({ db }, await actorInOrg(db, { accountId }, org.id), cycle.id, NOW);
      return new Map(context.snapshot.objectives.map((o) => [o.id, o]));
    };
    const asSara = await snapshotOf(sara.id);
    expect(asSara.get(own.id)).toMatchObject({
      supports: [team.id],
      supportsKeyResults: [{ id: events.id, title: '300 deltagare på interna event', target: 300 }],
    });
    // The objective his link lies within is in supports (not readable: absent from the
    // snapshot), the key result is not named.
    expect(asSara.get(his.id)).toMatchObject({ supports: [secret.id], supportsKeyResults: [] });
    const asOwner = await snapshotOf(owner.id);
    expect(asOwner.get(his.id)?.supportsKeyResults).toEqual([{ id: hidden.id, title: 'Hemligt', target: 100 }]);
  });

  it('says of each key result whether it has an action plan: a live activity, an archived one does not count', async () => {
    const { db } = await testDatabase();
    const { org, owner } = await createOrg(db);
    const cycle = await createCycle(db, org.id);
    const objective = await createObjective(db, org.id, cycle.id);
    const [none, archivedOnly, planned, plannedTwice] = [
      await createKeyResult(db, org.id, objective.id),
      await createKeyResult(db, org.id, objective.id),
      await createKeyResult(db, org.id, objective.id),
      await createKeyResult(db, org.id, objective.id),
    ];
    const activity = (keyResultId: string, archivedAt: Date | null = null) =>
      db.insert(activities).values({ orgId: org.id, keyResultId, title: 'Göra', archivedAt });
    await activity(archivedOnly.id, NOW);
    await activity(planned.id);
    await activity(planned.id, NOW);
    await activity(plannedTwice.id);
    await activity(plannedTwice.id);

    const context = await loadCoachContext(
      { db },
      await actorInOrg(db, { accountId: owner.id }, org.id),
      cycle.id,
      NOW,
    );
    const plans = new Map(
      context.snapshot.objectives.flatMap((o) => o.keyResults).map((kr) => [kr.id, kr.hasActionPlan]),
    );
    expect(Object.fromEntries(plans)).toEqual({
      [none.id]: false,
      [archivedOnly.id]: false,
      [planned.id]: true,
      [plannedTwice.id]: true,
    });
  });

  it('gives a unit the same advice from its own part of the snapshot as from the whole', async () => {
    const { db } = await testDatabase();
    const { org, owner, cycle, unitId } = await organisation(db, 3);
    const actor = await actorInOrg(db, { accountId: owner.id }, org.id);
    const scope = await unitScope({ db }, org.id, unitId);
    const whole = await loadCoachContext({ db }, actor, cycle.id, NOW);
    const part = await loadCoachContext({ db }, actor, cycle.id, NOW, { only: scope });
    expect(part.snapshot.objectives.length).toBeLessThan(whole.snapshot.objectives.length);
    const expected = runCoach(whole.snapshot).filter(adviceInScope(whole.snapshot, scope));
    expect(expected.length).toBeGreaterThan(0);
    expect(runCoach(part.snapshot).filter(adviceInScope(part.snapshot, scope))).toEqual(expected);
  });
});
