// The unit page's reads, each held to a fixed, small number of statements once the
// server's caches are warm (the organisation, its cycles, the membership, the unit's
// scope): what every later visit to a team's page costs, whatever the team's size.
import { describe, expect, it } from 'vitest';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { alignments, keyResultAlignments } from '../../db/schema.ts';
import { countStatements } from '../../test/statements.ts';
import { testDatabase } from '../../test/test-db.ts';
import { createAppCaches, forgetOkrAnswers } from '../caches.ts';
import { listAdvice } from '../coach/list-advice.ts';
import type { AppDeps } from '../context.ts';
import { getDashboardSummary } from '../dashboard/get-dashboard-summary.ts';
import { listFeed } from '../feed/list-feed.ts';
import { getAlignmentHealth } from '../health/alignment-health.ts';
import { listObjectives } from '../objectives/list-objectives.ts';
import { getUnit } from './get-unit.ts';
import { getUnitReflection } from './unit-reflection.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

async function teamOf(size: number) {
  const { db } = await testDatabase();
  const { org } = await createOrg(db);
  const cycle = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const division = await createUnit(db, org.id, { name: 'Division' });
  const team = await createUnit(db, org.id, { name: 'Team', parentId: division.id });
  const member = await createMember(db, org.id, 'member');
  await addToUnit(db, org.id, team.id, member.id, 'member');
  for (let i = 0; i < size; i++) {
    const person = await createMember(db, org.id, 'member');
    await addToUnit(db, org.id, team.id, person.id, 'member');
    const objective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: team.id });
    const kr = await createKeyResult(db, org.id, objective.id, { ownerId: person.id });
    // The person's objective supports the team's key result: the coach and health read these links too.
    const own = await createObjective(db, org.id, cycle.id, { level: 'person', personId: person.id });
    await db.insert(alignments).values({ orgId: org.id, objectiveId: own.id, supportsId: objective.id });
    await db
      .insert(keyResultAlignments)
      .values({ orgId: org.id, objectiveId: own.id, supportsId: objective.id, keyResultId: kr.id });
  }
  return { db, org, cycle, team, member };
}

describe('the unit page’s reads', () => {
  it('take a fixed number of statements each, caches warm, for a team of one and of eight', async () => {
    const figures = [];
    for (const size of [1, 8]) {
      const { db, org, cycle, team, member } = await teamOf(size);
      const caches = createAppCaches();
      const caller = { accountId: member.id, caches };
      const unitPage = { cycleId: cycle.id, unitId: team.id };
      const reads: Record<string, (deps: AppDeps) => Promise<unknown>> = {
        unit: (deps) => getUnit(deps, caller, team.id),
        objectives: (deps) => listObjectives(deps, caller, org.id, { ...unitPage, level: 'unit' }),
        reflection: (deps) => getUnitReflection(deps, caller, team.id, cycle.id),
        summary: (deps) => getDashboardSummary(deps, caller, org.id, unitPage),
        health: (deps) => getAlignmentHealth(deps, caller, org.id, unitPage),
        coach: (deps) => listAdvice(deps, caller, org.id, { ...unitPage, subunits: false, limit: 3, locale: 'sv' }),
        feed: (deps) => listFeed(deps, caller, org.id, { unitId: team.id, limit: 10 }),
      };
      const perRead: Record<string, number> = {};
      for (const [name, read] of Object.entries(reads)) {
        await read({ db, now: () => NOW, caches }); // the first visit fills the caches
        // The answers kept until a write (kept-answers.ts) dropped, as a write drops them: what
        // a read costs then. The summary, health and coach then ask who reads what again.
        forgetOkrAnswers({ caches });
        // A database handle of its own for counting: prepared statements are counted as
        // they are prepared, once per handle.
        const counting = countStatements(db);
        await read({ db: counting.db, now: () => NOW, caches });
        perRead[name] = counting.statements();
      }
      figures.push(perRead);
    }
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[0]).toEqual({ unit: 1, objectives: 1, reflection: 1, summary: 2, health: 2, coach: 2, feed: 1 });
  });
});
