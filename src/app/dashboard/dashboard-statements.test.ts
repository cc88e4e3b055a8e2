// A dashboard reads a fixed number of statements, whatever the size of the organisation:
// counted here by wrapping the database handle (src/test/statements.ts).
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.ts';
import { alignments, checkIns } from '../../db/schema.ts';
import { testDatabase } from '../../test/test-db.ts';
import { countStatements } from '../../test/statements.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import type { AppDeps } from '../context.ts';
import { getDashboard } from './get-dashboard.ts';
import { getDashboardSummary } from './get-dashboard-summary.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

/** `size` divisions, each with a team beneath it; every unit has objectives, key results and check-ins. */
async function organisation(db: Db, size: number) {
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id);
  const top = await createObjective(db, org.id, cycle.id);
  let firstDivision = '';
  for (let u = 0; u < size; u++) {
    const division = await createUnit(db, org.id);
    const team = await createUnit(db, org.id, { parentId: division.id, checkInCadenceDays: 14 });
    firstDivision ||= division.id;
    const person = await createMember(db, org.id, 'member');
    await addToUnit(db, org.id, team.id, person.id, 'member');
    for (const unitId of [division.id, team.id]) {
      const objective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId });
      await db.insert(alignments).values({ orgId: org.id, objectiveId: objective.id, supportsId: top.id });
      for (let k = 0; k < 3; k++) {
        const kr = await createKeyResult(db, org.id, objective.id, {
          ownerId: person.id,
          createdAt: new Date('2026-04-01T00:00:00Z'),
        });
        await db.insert(checkIns).values({ orgId: org.id, keyResultId: kr.id, value: k, confidence: 5 + k });
      }
    }
    await createObjective(db, org.id, cycle.id, { level: 'person', personId: person.id });
  }
  return { org, owner, cycle, unitId: firstDivision };
}

describe('the dashboard', () => {
  it('takes the same statements for an organisation of one division and one of ten', async () => {
    const { db } = await testDatabase();
    const figures = [];
    for (const size of [1, 10]) {
      const { org, owner, cycle, unitId } = await organisation(db, size);
      const counting = countStatements(db);
      const deps: AppDeps = { db: counting.db, now: () => NOW };
      const caller = { accountId: owner.id };
      const perCall: Record<string, number> = {};
      for (const [name, input] of Object.entries({ org: { cycleId: cycle.id }, unit: { cycleId: cycle.id, unitId } })) {
        const before = counting.statements();
        const view = await getDashboard(deps, caller, org.id, input);
        perCall[name] = counting.statements() - before;
        expect(view.objectives.total).toBe(name === 'org' ? 1 + size * 3 : 3);
      }
      figures.push(perCall);
    }
    expect(figures[1]).toEqual(figures[0]);
    // The figures themselves, so that a new query shows up here.
    expect(figures[0]).toEqual({ org: 10, unit: 11 });
  });

  it('summary: net confidence in one statement after the membership, the cycle and the unit’s scope', async () => {
    const { db } = await testDatabase();
    const figures = [];
    for (const size of [1, 10]) {
      const { org, owner, cycle, unitId } = await organisation(db, size);
      const counting = countStatements(db);
      const deps: AppDeps = { db: counting.db, now: () => NOW };
      const perCall: Record<string, number> = {};
      for (const [name, input] of Object.entries({ org: { cycleId: cycle.id }, unit: { cycleId: cycle.id, unitId } })) {
        const before = counting.statements();
        const view = await getDashboardSummary(deps, { accountId: owner.id }, org.id, input);
        perCall[name] = counting.statements() - before;
        expect(view.objectives.total).toBe(name === 'org' ? 1 + size * 3 : 3);
      }
      figures.push(perCall);
    }
    expect(figures[1]).toEqual(figures[0]);
    expect(figures[0]).toEqual({ org: 3, unit: 4 });
  });
});
