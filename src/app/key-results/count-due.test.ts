// My week's count, counted in SQL, against My week's list worked out in code: for each
// kind of reader, the count is the number of key results the list marks due that the
// reader may check in on, over every reason a key result is or is not due.
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
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
import { countStatements } from '../../test/statements.ts';
import { testDatabase } from '../../test/test-db.ts';
import { createAppCaches } from '../caches.ts';
import type { AppDeps } from '../context.ts';
import { listKeyResults } from './list-key-results.ts';
import { countDueKeyResults } from './count-due.ts';

const NOW = new Date('2026-05-15T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const LONG_AGO = daysAgo(40);

/** A reader of `role` owning one key result for each reason it is or is not due. */
async function world(role: OrgRole) {
  const { db } = await testDatabase();
  const { org } = await createOrg(db, { settings: { checkInCadenceDays: 7 } });
  const deps: AppDeps = { db, now: () => NOW, caches: createAppCaches() };
  const me = await createMember(db, org.id, role);
  const someone = await createMember(db, org.id, 'member');
  const team = await createUnit(db, org.id, { name: 'Team' });
  const slowTeam = await createUnit(db, org.id, { name: 'Slow team', checkInCadenceDays: 30 });
  const ledTeam = await createUnit(db, org.id, { name: 'Led team' });
  await addToUnit(db, org.id, ledTeam.id, me.id, 'lead');
  const quarter = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const notBegun = await createCycle(db, org.id, { startsOn: '2026-06-01', endsOn: '2026-08-31' });
  const closed = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-03-31', status: 'closed' });
  const planned = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30', status: 'planning' });

  const own = await createObjective(db, org.id, quarter.id, { level: 'person', personId: me.id });
  const mine = (objectiveId: string, overrides: Parameters<typeof createKeyResult>[3] = {}) =>
    createKeyResult(db, org.id, objectiveId, { ownerId: me.id, createdAt: LONG_AGO, ...overrides });
  // Due: never checked in since long ago; checked in before the cadence; on the team's objective.
  await mine(own.id);
  await mine(own.id, { lastCheckInAt: daysAgo(8) });
  await mine((await createObjective(db, org.id, quarter.id, { level: 'unit', unitId: team.id })).id);
  await mine((await createObjective(db, org.id, quarter.id, { level: 'unit', unitId: ledTeam.id })).id);
  // Not due: checked in within the cadence; within the slow team's longer cadence; new.
  await mine(own.id, { lastCheckInAt: daysAgo(2) });
  await mine((await createObjective(db, org.id, quarter.id, { level: 'unit', unitId: slowTeam.id })).id, {
    lastCheckInAt: daysAgo(10),
  });
  await mine(own.id, { createdAt: daysAgo(1) });
  // Not due: its objective is done; its cycle has not begun; is closed; is being planned.
  await mine((await createObjective(db, org.id, quarter.id, { level: 'person', personId: me.id }, { doneAt: NOW })).id);
  await mine((await createObjective(db, org.id, notBegun.id, { level: 'person', personId: me.id })).id);
  await mine((await createObjective(db, org.id, closed.id, { level: 'person', personId: me.id })).id);
  await mine((await createObjective(db, org.id, planned.id, { level: 'person', personId: me.id })).id);
  // Gone: archived, or under an archived objective.
  await mine(own.id, { archivedAt: NOW });
  await mine(
    (await createObjective(db, org.id, quarter.id, { level: 'person', personId: me.id }, { archivedAt: NOW })).id,
  );
  // Someone else's private objective, and a draft of a team the reader does not lead: only
  // admins read them.
  await mine((await createPrivateObjective(db, org.id, quarter.id, someone.id)).id);
  await mine(
    (await createObjective(db, org.id, quarter.id, { level: 'unit', unitId: team.id }, { lifecycle: 'draft' })).id,
  );
  // Someone else's key result, due, on the reader's own objective.
  await createKeyResult(db, org.id, own.id, { ownerId: someone.id, createdAt: LONG_AGO });
  return { deps, org, caller: { accountId: me.id, caches: deps.caches } };
}

describe('countDueKeyResults', () => {
  it.each([
    ['member', 4],
    ['admin', 6],
    ['owner', 6],
    ['viewer', 0],
  ] as const)('counts what My week lists as due for a %s: %i', async (role, expected) => {
    const { deps, org, caller } = await world(role);
    const week = await listKeyResults(deps, caller, org.id, { ownerId: 'me', cycleStatus: 'active', limit: 200 });
    const listed = week.items.filter((kr) => kr.due && kr.abilities['checkIn.create']).length;
    expect(listed).toBe(expected);
    expect(await countDueKeyResults(deps, caller, org.id)).toEqual({ count: expected });
  });

  it('counts in one statement once the caches are warm', async () => {
    const { deps, org, caller } = await world('member');
    await countDueKeyResults(deps, caller, org.id);
    const counting = countStatements(deps.db);
    expect(await countDueKeyResults({ ...deps, db: counting.db }, caller, org.id)).toEqual({ count: 4 });
    expect(counting.statements()).toBe(1);
  });
});
