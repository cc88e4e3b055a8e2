// A unit's status counts, alignment health and coach's review are kept by the server for
// the readers who read the same objectives, and dropped by a write, a check-in written
// without a transaction among them.
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
  createPrivateObjective,
  createUnit,
} from '../test/factories.ts';
import { createAppCaches } from './caches.ts';
import { checkIn } from './check-ins/check-in.ts';
import { listAdvice } from './coach/list-advice.ts';
import type { AppDeps } from './context.ts';
import { getDashboardSummary } from './dashboard/get-dashboard-summary.ts';
import { getAlignmentHealth } from './health/alignment-health.ts';
import { archiveObjective } from './objectives/archive-objective.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

/**
 * A team of four: Sara and Olle own nothing of their own, Pia a private objective, Mats a
 * draft. The team has two objectives: one whose key result Sara owns, one whose key result
 * nobody owns; so do Pia's and Mats's (advice the coach gives about each).
 */
async function team() {
  const { db } = await testDatabase();
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const unit = await createUnit(db, org.id, { name: 'Marknad', vision: 'v', mission: 'm' });
  const [sara, olle, pia, mats] = [
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
    await createMember(db, org.id, 'member'),
  ];
  for (const person of [sara, olle, pia, mats]) await addToUnit(db, org.id, unit.id, person.id, 'member');
  const ofTeam = { level: 'unit' as const, unitId: unit.id };
  const tracked = await createObjective(db, org.id, cycle.id, ofTeam);
  const saras = await createKeyResult(db, org.id, tracked.id, { ownerId: sara.id });
  const unowned = await createObjective(db, org.id, cycle.id, ofTeam);
  const nobodys = await createKeyResult(db, org.id, unowned.id, { ownerId: null });
  const secret = await createPrivateObjective(db, org.id, cycle.id, pia.id);
  const pias = await createKeyResult(db, org.id, secret.id, { ownerId: null });
  const draft = await createObjective(
    db,
    org.id,
    cycle.id,
    { level: 'person', personId: mats.id },
    { lifecycle: 'draft' },
  );
  const matss = await createKeyResult(db, org.id, draft.id, { ownerId: null });

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
  const reads = {
    summary: (accountId: string) =>
      measured(async () => {
        const { objectives } = await getDashboardSummary(deps, { accountId, caches }, org.id, asked);
        return { total: objectives.total, onTrack: objectives.byStatus.on_track };
      }),
    health: (accountId: string) =>
      measured(async () => (await getAlignmentHealth(deps, { accountId, caches }, org.id, asked)).unitObjectives.total),
    /** The key results the unit page's coach corner says have no owner. */
    unowned: (accountId: string) =>
      measured(async () => {
        const advice = await listAdvice(deps, { accountId, caches }, org.id, {
          ...asked,
          subunits: false,
          locale: 'en',
        });
        return advice.items
          .filter((a) => a.ruleId === 'key-result.no-owner')
          .map((a) => a.target.id)
          .sort();
      }),
  };
  const objectives = { tracked, unowned };
  const keyResults = { saras, nobodys, pias, matss };
  return { deps, caches, owner, sara, olle, pia, mats, objectives, keyResults, ...reads };
}

type Team = Awaited<ReturnType<typeof team>>;

/** Each reader's role and audience known, as after their first page; nothing else kept. */
async function known({ caches, sara, olle, pia, mats, summary, health, unowned }: Team) {
  for (const reader of [sara, olle, pia, mats]) {
    await summary(reader.id);
    await health(reader.id);
    await unowned(reader.id);
  }
  caches.summaries.clear();
  caches.health.clear();
  caches.coach.clear();
}

describe('answers kept for an audience', () => {
  it('serve the readers of the same objectives; one with a private objective has figures apart', async () => {
    const t = await team();
    const { sara, olle, pia, mats, summary, health } = t;
    await known(t);

    expect(await summary(sara.id)).toEqual({ answer: { total: 2, onTrack: 0 }, statements: 1 });
    expect(await summary(olle.id)).toEqual({ answer: { total: 2, onTrack: 0 }, statements: 0 });
    // Pia counts her private objective: worked out for her alone, and never served to the others.
    expect(await summary(pia.id)).toEqual({ answer: { total: 3, onTrack: 0 }, statements: 1 });
    expect(await summary(olle.id)).toEqual({ answer: { total: 2, onTrack: 0 }, statements: 0 });
    // Figures leave drafts out: Mats reads the figures every reader does.
    expect(await summary(mats.id)).toEqual({ answer: { total: 2, onTrack: 0 }, statements: 0 });

    expect(await health(sara.id)).toEqual({ answer: 2, statements: 1 });
    expect(await health(olle.id)).toEqual({ answer: 2, statements: 0 });
  });

  it('serve the coach’s review likewise, with a draft too making a reader’s own', async () => {
    const t = await team();
    const { sara, olle, pia, mats, unowned, keyResults } = t;
    await known(t);
    const ofTeam = [keyResults.nobodys.id];

    expect(await unowned(sara.id)).toEqual({ answer: ofTeam, statements: 1 });
    expect(await unowned(olle.id)).toEqual({ answer: ofTeam, statements: 0 });
    // Pia's private objective and Mats's draft are theirs to read: each is worked out apart.
    expect(await unowned(pia.id)).toEqual({ answer: [...ofTeam, keyResults.pias.id].sort(), statements: 1 });
    expect(await unowned(mats.id)).toEqual({ answer: [...ofTeam, keyResults.matss.id].sort(), statements: 1 });
    // And theirs never serve the others.
    expect(await unowned(olle.id)).toEqual({ answer: ofTeam, statements: 0 });
  });

  it('are worked out again after a check-in, and after any other write', async () => {
    const { deps, owner, sara, olle, objectives, keyResults, summary, health, unowned } = await team();
    await summary(olle.id);
    await health(olle.id);
    await unowned(olle.id);
    expect(await summary(olle.id)).toMatchObject({ statements: 0 });

    // A check-in, written without a transaction (check-in.ts): the objective is on track.
    await checkIn(deps, { accountId: sara.id, caches: deps.caches }, keyResults.saras.id, {
      value: 100,
      confidence: 9,
    });
    expect(await summary(olle.id)).toMatchObject({ answer: { total: 2, onTrack: 1 } });

    expect(await health(olle.id)).toMatchObject({ answer: 2 });
    expect(await unowned(olle.id)).toMatchObject({ answer: [keyResults.nobodys.id] });
    await archiveObjective(deps, { accountId: owner.id, caches: deps.caches }, objectives.unowned.id);
    expect(await health(olle.id)).toMatchObject({ answer: 1 });
    expect(await summary(olle.id)).toMatchObject({ answer: { total: 1, onTrack: 1 } });
    expect(await unowned(olle.id)).toMatchObject({ answer: [] });
  });
});
