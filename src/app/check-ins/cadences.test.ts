import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isCheckInDue } from '../../core/check-in-due.ts';
import { keyResults, objectives, organizations } from '../../db/schema.ts';
import { createCycle, createKeyResult, createObjective, createOrg, createUnit } from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import { cadenceFor, isDueSql, loadCadences } from './cadences.ts';

const DAY = 86_400_000;

describe('check-in cadences', () => {
  it('a unit’s cadence applies to its sub-units; SQL and code agree on what is due', async () => {
    const { db } = await testDatabase();
    const { org } = await createOrg(db);
    await db
      .update(organizations)
      .set({ settings: { checkInCadenceDays: 7 } })
      .where(eq(organizations.id, org.id));
    const division = await createUnit(db, org.id, { checkInCadenceDays: 14 });
    const team = await createUnit(db, org.id, { parentId: division.id });
    const fast = await createUnit(db, org.id, { parentId: division.id, checkInCadenceDays: 2 });
    const cycle = await createCycle(db, org.id);
    const now = new Date('2026-05-20T12:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    // Each key result was last checked in 10 days ago.
    const owners = { org: null, division: division.id, team: team.id, fast: fast.id } as const;
    const ids: Record<string, string> = {};
    for (const [name, unitId] of Object.entries(owners)) {
      const objective = await createObjective(
        db,
        org.id,
        cycle.id,
        unitId ? { level: 'unit', unitId } : { level: 'organization' },
      );
      ids[name] = (await createKeyResult(db, org.id, objective.id, { createdAt: ago(30), lastCheckInAt: ago(10) })).id;
    }

    const cadences = await loadCadences(db, org.id);
    expect(
      Object.fromEntries(Object.entries(owners).map(([name, unitId]) => [name, cadenceFor(cadences, unitId)])),
    ).toEqual({ org: 7, division: 14, team: 14, fast: 2 });
    const rows = await db
      .select({
        id: keyResults.id,
        due: isDueSql(cadences, { ...keyResults, unitId: objectives.unitId, doneAt: objectives.doneAt }, now),
      })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .where(and(eq(keyResults.orgId, org.id)));
    const due = Object.fromEntries(rows.map((r) => [Object.keys(ids).find((k) => ids[k] === r.id), r.due]));
    expect(due).toEqual({ org: true, division: false, team: false, fast: true });
    for (const [name, unitId] of Object.entries(owners))
      expect(isCheckInDue(ago(10), ago(30), cadenceFor(cadences, unitId), now, false)).toBe(due[name]);

    // An objective marked done owes nothing, in SQL as in code.
    await db
      .update(objectives)
      .set({ doneAt: ago(1) })
      .where(eq(objectives.orgId, org.id));
    const [stillDue] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .where(
        and(
          eq(keyResults.orgId, org.id),
          isDueSql(cadences, { ...keyResults, unitId: objectives.unitId, doneAt: objectives.doneAt }, now),
        ),
      );
    expect(stillDue?.n).toBe(0);
  });
});
