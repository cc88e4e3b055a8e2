// The one-statement check-in checks the policy's grant in SQL; the policy (`can`) stays the
// judge. This walks every kind of actor over every kind of key result on a real database
// and holds the statement to the policy: it writes exactly where `can` allows and the key
// result is live, and never for an actor only `can` may judge (a service account).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { can, type Subject } from '../../core/policy.ts';
import { auditEvents, checkIns, cycles, keyResults, objectives } from '../../db/schema.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { testDatabase } from '../../test/test-db.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import type { OrgActor } from '../scope.ts';
import { grantParameters, writeIfGranted } from './granted-check-in.ts';

const NOW = new Date('2026-05-15T10:00:00Z');

async function world() {
  const { db } = await testDatabase();
  const { org } = await createOrg(db);
  const open = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const closed = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-03-31', status: 'closed' });
  const led = await createUnit(db, org.id, { name: 'Led' });
  const other = await createUnit(db, org.id, { name: 'Other' });
  const me = await createMember(db, org.id, 'member');
  const someone = await createMember(db, org.id, 'member');
  // Every objective owner × cycle, each with a key result of mine and one of someone else's.
  const owners = [
    { level: 'organization' as const },
    { level: 'unit' as const, unitId: led.id },
    { level: 'unit' as const, unitId: other.id },
    { level: 'person' as const, personId: me.id },
    { level: 'person' as const, personId: someone.id },
  ];
  const krIds: string[] = [];
  for (const cycle of [open, closed])
    for (const owner of owners) {
      const objective = await createObjective(db, org.id, cycle.id, owner);
      for (const ownerId of [me.id, someone.id, null])
        krIds.push((await createKeyResult(db, org.id, objective.id, { ownerId })).id);
    }
  // Archived: a key result, and a live key result of an archived objective (both mine).
  const objective = await createObjective(db, org.id, open.id, { level: 'person', personId: me.id });
  const archivedKr = await createKeyResult(db, org.id, objective.id, { ownerId: me.id, archivedAt: NOW });
  const archivedObjective = await createObjective(
    db,
    org.id,
    open.id,
    { level: 'person', personId: me.id },
    { archivedAt: NOW },
  );
  const underArchived = await createKeyResult(db, org.id, archivedObjective.id, { ownerId: me.id });
  krIds.push(archivedKr.id, underArchived.id);
  return { db, org, me, led, krIds };
}

type World = Awaited<ReturnType<typeof world>>;

function actors({ org, me, led }: World): OrgActor[] {
  const as = (role: Subject['role'], ledUnitIds: string[] = [], service?: Subject['service']): OrgActor => ({
    orgId: org.id,
    accountId: me.id,
    role,
    ledUnitIds: new Set(ledUnitIds),
    ...(service ? { service } : {}),
  });
  return [
    as('owner'),
    as('admin'),
    as('member', [led.id]),
    as('member'),
    as('viewer', [led.id]),
    as('admin', [], { scopes: ['admin'], unitIds: null }),
    as('member', [led.id], { scopes: ['okrs:write'], unitIds: new Set([led.id]) }),
  ];
}

/** What the policy says about the actor checking in on the key result, read fresh. */
async function policyAllows(w: World, actor: OrgActor, keyResultId: string): Promise<boolean> {
  const [row] = await w.db
    .select({ kr: keyResults, objective: objectives, cycleStatus: cycles.status })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(eq(keyResults.id, keyResultId));
  if (!row) throw new Error('no such key result');
  if (row.kr.archivedAt || row.objective.archivedAt) return false;
  const policy = { ...objectivePolicyObject(row.objective, row.cycleStatus), keyResultOwnerId: row.kr.ownerId };
  return can(actor, 'checkIn.create', policy);
}

describe('a check-in in one statement', () => {
  it('writes exactly where the policy allows it, and never for an actor only the policy may judge', async () => {
    const w = await world();
    let decided = 0;
    for (const actor of actors(w)) {
      const sqlMayDecide = grantParameters(actor) !== null;
      for (const keyResultId of w.krIds) {
        const allowed = await policyAllows(w, actor, keyResultId);
        const [row] = await writeIfGranted(
          w.db,
          actor,
          { keyResultId, value: 42, confidence: 6, note: 'n', blocker: false },
          NOW,
        );
        const where = `${actor.role}${actor.service ? ' (service)' : ''} leading ${actor.ledUnitIds.size} on ${keyResultId}`;
        expect(row?.kr.id, where).toBe(keyResultId);
        expect(row?.checkInId !== null, where).toBe(sqlMayDecide && allowed);
        if (row?.checkInId) decided++;
      }
    }
    // Not a vacuous walk: each granting actor wrote some and was refused some.
    expect(decided).toBeGreaterThan(40);
    expect(decided).toBeLessThan(5 * w.krIds.length);
  });

  it('writes the check-in, the key result’s copy and the audit event as the slow way does', async () => {
    const w = await world();
    const [owner] = actors(w);
    const keyResultId = w.krIds[0] ?? '';
    const [row] = await writeIfGranted(
      w.db,
      owner as OrgActor,
      { keyResultId, value: 42, confidence: 6, note: 'Bra', blocker: true },
      NOW,
    );
    // The answer is the key result as it was before the check-in.
    expect(row?.kr).toMatchObject({ currentValue: 0, version: 1 });
    const [kr] = await w.db.select().from(keyResults).where(eq(keyResults.id, keyResultId));
    expect(kr).toMatchObject({ currentValue: 42, confidence: 6, version: 2, lastCheckInAt: NOW });
    const [written] = await w.db.select().from(checkIns).where(eq(checkIns.keyResultId, keyResultId));
    expect(written).toMatchObject({ id: row?.checkInId, value: 42, confidence: 6, note: 'Bra', blocker: true });
    const [event] = await w.db.select().from(auditEvents).where(eq(auditEvents.entityId, keyResultId));
    expect(event).toMatchObject({
      action: 'checkIn.create',
      entityType: 'keyResult',
      actorId: w.me.id,
      objectiveId: row?.objective.id,
      before: { current: 0, confidence: row?.kr.confidence },
      after: { current: 42, confidence: 6, checkInId: row?.checkInId },
    });
  });
});
