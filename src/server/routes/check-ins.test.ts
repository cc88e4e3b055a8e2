import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAppCaches } from '../../app/caches.ts';
import { checkIn, listCheckIns } from '../../app/check-ins/check-in.ts';
import { listActivities } from '../../app/activities/activities.ts';
import { checkInBatch } from '../../app/check-ins/check-in-batch.ts';
import { auditEvents, checkIns, keyResults } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { countStatements } from '../../test/statements.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createPrivateObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

/** A member who owns three key results of their team's objective, and one they do not own. */
async function memberWithKeyResults() {
  const { app, deps } = await testServer();
  const { org } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const unit = await createUnit(deps.db, org.id);
  const member = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind', locale: 'sv' });
  await addToUnit(deps.db, org.id, unit.id, member.id, 'member');
  const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const mine = (title: string) =>
    createKeyResult(deps.db, org.id, objective.id, { title, ownerId: member.id, currentValue: 10 });
  const own = [await mine('E-post'), await mine('Säljare'), await mine('Sociala medier')] as const;
  const others = await createKeyResult(deps.db, org.id, objective.id, { title: 'Någon annans' });
  const client = await ApiClient.signIn(app, member.email);
  return { app, deps, org, unit, member, objective, own, others, client, url: `/api/v1/orgs/${org.id}/check-ins` };
}

const checkInsOf = async (db: Awaited<ReturnType<typeof testServer>>['deps']['db'], ids: string[]) =>
  db.select().from(checkIns).where(inArray(checkIns.keyResultId, ids));

describe('checking in on several key results at once', () => {
  it('saves every check-in, moves each key result on and audits each against its objective', async () => {
    const { deps, org, unit, member, objective, own, client, url } = await memberWithKeyResults();
    const response = await client.post(url, {
      checkIns: [
        { keyResultId: own[0].id, value: 40, confidence: 7, note: 'Bra vecka' },
        { keyResultId: own[1].id, value: 25, confidence: 5 },
        { keyResultId: own[2].id, value: 60, confidence: 8 },
      ],
    });
    expect(response.statusCode).toBe(201);
    const items = response.json().items;
    expect(items.map((i: { keyResultId: string }) => i.keyResultId)).toEqual(own.map((kr) => kr.id));
    expect(items[0]).toMatchObject({
      value: 40,
      confidence: 7,
      note: 'Bra vecka',
      authorId: member.id,
      authorName: 'Sara Lind',
      keyResult: { id: own[0].id, current: 40, confidence: 7, version: 2, progress: 0.4 },
    });
    expect(items[1].note).toBe('');

    const rows = await deps.db
      .select()
      .from(keyResults)
      .where(
        inArray(
          keyResults.id,
          own.map((kr) => kr.id),
        ),
      );
    expect(Object.fromEntries(rows.map((r) => [r.title, [r.currentValue, r.confidence, r.version]]))).toEqual({
      'E-post': [40, 7, 2],
      Säljare: [25, 5, 2],
      'Sociala medier': [60, 8, 2],
    });
    expect(rows.every((r) => r.lastCheckInAt?.getTime() === deps.now().getTime())).toBe(true);
    expect(
      await checkInsOf(
        deps.db,
        own.map((kr) => kr.id),
      ),
    ).toHaveLength(3);

    const audits = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'checkIn.create')));
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.objectiveId === objective.id && a.unitId === unit.id)).toBe(true);
    expect(audits.find((a) => a.entityId === own[0].id)).toMatchObject({
      actorId: member.id,
      before: { current: 10, confidence: null },
      after: { current: 40, confidence: 7 },
    });

    // The single check-in goes the same way.
    const single = await client.post(`/api/v1/key-results/${own[0].id}/check-ins`, { value: 45, confidence: 6 });
    expect(single.statusCode).toBe(201);
    expect(single.json()).toMatchObject({ value: 45, keyResult: { current: 45, version: 3 } });
  });

  it('writes nothing when one item may not be checked in, and names that item', async () => {
    const { deps, own, others, client, url } = await memberWithKeyResults();
    const response = await client.post(url, {
      checkIns: [
        { keyResultId: own[0].id, value: 40, confidence: 7 },
        { keyResultId: own[1].id, value: 25, confidence: 5 },
        { keyResultId: others.id, value: 60, confidence: 8 },
      ],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().errors).toEqual([
      {
        field: '/body/checkIns/2/keyResultId',
        code: 'check_in_not_allowed',
        message: 'är ett nyckelresultat som du inte får stämma av',
      },
    ]);
    expect(await checkInsOf(deps.db, [...own.map((kr) => kr.id), others.id])).toHaveLength(0);
    const [first] = await deps.db.select().from(keyResults).where(eq(keyResults.id, own[0].id));
    expect(first).toMatchObject({ currentValue: 10, version: 1 });
  });

  it('does not find another organisation’s or an archived key result, and writes nothing', async () => {
    const { deps, own, objective, client, url } = await memberWithKeyResults();
    const elsewhere = await memberWithKeyResults();
    const foreign = await client.post(url, {
      checkIns: [
        { keyResultId: own[0].id, value: 40, confidence: 7 },
        { keyResultId: elsewhere.own[0].id, value: 25, confidence: 5 },
      ],
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({
      code: 'not_found',
      errors: [{ field: '/body/checkIns/1/keyResultId', code: 'unknown_reference' }],
    });
    const archived = await createKeyResult(deps.db, objective.orgId, objective.id, {
      ownerId: own[0].ownerId,
      archivedAt: new Date(),
    });
    const gone = await client.post(url, { checkIns: [{ keyResultId: archived.id, value: 1, confidence: 1 }] });
    expect(gone.statusCode).toBe(404);
    expect(await checkInsOf(deps.db, [own[0].id, elsewhere.own[0].id, archived.id])).toHaveLength(0);
    // Nor may one post into another organisation's address.
    const otherOrg = await client.post(elsewhere.url, {
      checkIns: [{ keyResultId: elsewhere.own[0].id, value: 25, confidence: 5 }],
    });
    expect(otherOrg.statusCode).toBe(404);
  });

  it('refuses a key result named twice, bad items by their place, and an empty or oversized batch', async () => {
    const { deps, own, client, url } = await memberWithKeyResults();
    const twice = await client.post(url, {
      checkIns: [
        { keyResultId: own[0].id, value: 40, confidence: 7 },
        { keyResultId: own[0].id, value: 41, confidence: 7 },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors).toMatchObject([{ field: '/body/checkIns/1/keyResultId', code: 'repeated_item' }]);

    const bad = await client.post(url, {
      checkIns: [
        { keyResultId: own[0].id, value: 40, confidence: 7 },
        { keyResultId: own[1].id, value: 40, confidence: 7 },
        { keyResultId: own[2].id, value: 'lots', confidence: 7 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('/body/checkIns/2/value');

    expect((await client.post(url, { checkIns: [] })).statusCode).toBe(400);
    const many = Array.from({ length: 51 }, () => ({ keyResultId: own[0].id, value: 1, confidence: 1 }));
    expect((await client.post(url, { checkIns: many })).statusCode).toBe(400);
    expect(
      await checkInsOf(
        deps.db,
        own.map((kr) => kr.id),
      ),
    ).toHaveLength(0);
  });

  it('lets concurrent batches over the same key results both land, one after the other', async () => {
    const { deps, org, member, own } = await memberWithKeyResults();
    const caller = { accountId: member.id };
    const ids = own.map((kr) => kr.id);
    // Opposite orders: the locks are taken by id, so neither waits on the other forever.
    const [a, b] = await Promise.all([
      checkInBatch(deps, caller, org.id, {
        checkIns: ids.map((keyResultId) => ({ keyResultId, value: 20, confidence: 2 })),
      }),
      checkInBatch(deps, caller, org.id, {
        checkIns: [...ids].reverse().map((keyResultId) => ({ keyResultId, value: 30, confidence: 3 })),
      }),
    ]);
    expect(a.items).toHaveLength(3);
    expect(b.items).toHaveLength(3);
    expect(await checkInsOf(deps.db, ids)).toHaveLength(6);
    const rows = await deps.db.select().from(keyResults).where(inArray(keyResults.id, ids));
    // Every key result saw both, so it is at version 3; all carry the same batch's value.
    expect(rows.map((r) => r.version)).toEqual([3, 3, 3]);
    expect(new Set(rows.map((r) => r.currentValue)).size).toBe(1);
    const versions = [...a.items, ...b.items].map((i) => i.keyResult.version).sort();
    expect(versions).toEqual([2, 2, 2, 3, 3, 3]);
  });

  it('takes the same statements for one check-in as for many (no query per item)', async () => {
    const { deps, org, member, objective, own } = await memberWithKeyResults();
    const more = [];
    for (let i = 0; i < 5; i++) more.push(await createKeyResult(deps.db, org.id, objective.id, { ownerId: member.id }));
    const caller = { accountId: member.id };
    const count = async (ids: string[]) => {
      const counting = countStatements(deps.db);
      await checkInBatch({ ...deps, db: counting.db }, caller, org.id, {
        checkIns: ids.map((keyResultId, i) => ({ keyResultId, value: i, confidence: 5, note: `Vecka ${i}` })),
      });
      return counting.statements();
    };
    await count([own[0].id]); // fills the caches (here: the events the organisation's webhooks want)
    const one = await count([own[0].id]);
    const eight = await count([...own.map((kr) => kr.id), ...more.map((kr) => kr.id)]);
    expect(eight).toBe(one);
    // Scope, lock (with the author's name), then check-ins, key results and audit in one.
    expect(one).toBe(3);
  });
});

describe('checking in on one key result', () => {
  it('takes one statement with the server’s caches warm: the grant checked, the key result read and written at once', async () => {
    const { deps, member, own } = await memberWithKeyResults();
    const caller = { accountId: member.id, caches: createAppCaches() };
    const once = async (value: number) => {
      const counting = countStatements(deps.db);
      await checkIn({ ...deps, db: counting.db }, caller, own[0].id, { value, confidence: 5 });
      return counting.statements();
    };
    await once(11); // fills the caches: the key result's organisation and the membership
    expect(await once(12)).toBe(1);
  });

  it('reads a key result’s check-ins and activities in two statements each and one round, caches warm (the objective page asks for every key result’s)', async () => {
    const { deps, org, objective, member, own } = await memberWithKeyResults();
    const caller = { accountId: member.id, caches: createAppCaches() };
    await checkIn(deps, caller, own[0].id, { value: 30, confidence: 6 });
    const counted = async (read: (d: typeof deps) => Promise<{ items: unknown[] }>) => {
      const counting = countStatements(deps.db);
      const page = await read({ ...deps, db: counting.db });
      return { statements: counting.statements(), rounds: counting.rounds(), items: page.items.length };
    };
    const history = (d: typeof deps) => listCheckIns(d, caller, own[0].id, {});
    const plan = (d: typeof deps) => listActivities(d, caller, own[0].id, {});
    // The key result's context and the list are asked together (app/guarded-read.ts).
    expect(await counted(history)).toEqual({ statements: 2, rounds: 1, items: 1 });
    expect(await counted(plan)).toMatchObject({ statements: 2, rounds: 1 });

    // Still only for those who may read the objective: another member's private one is not found.
    const other = await createMember(deps.db, org.id, 'member');
    const secret = await createPrivateObjective(deps.db, org.id, objective.cycleId, other.id);
    const hidden = await createKeyResult(deps.db, org.id, secret.id, { ownerId: other.id });
    for (const read of [listCheckIns, listActivities]) {
      await expect(read(deps, caller, hidden.id, {})).rejects.toMatchObject({
        code: 'not_found',
        params: { entity: 'objective' },
      });
    }
  });

  it('lets many people check in on one key result at once: every check-in lands, none lost', async () => {
    const { deps, member, own } = await memberWithKeyResults();
    const caller = { accountId: member.id };
    const values = Array.from({ length: 8 }, (_, i) => 100 + i);
    // Unlocked attempts that lose the race try again, and at last queue on the row's lock.
    const recorded = await Promise.all(
      values.map((value) => checkIn(deps, caller, own[0].id, { value, confidence: 5 })),
    );
    expect(recorded.map((r) => r.keyResult.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const history = await checkInsOf(deps.db, [own[0].id]);
    expect(history.map((c) => c.value).sort()).toEqual(values);
    const [kr] = await deps.db.select().from(keyResults).where(eq(keyResults.id, own[0].id));
    const last = recorded.find((r) => r.keyResult.version === 9);
    expect(kr).toMatchObject({ version: 9, currentValue: last?.value });
    const audited = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, own[0].id), eq(auditEvents.action, 'checkIn.create')));
    expect(audited).toHaveLength(8);
  });
});
