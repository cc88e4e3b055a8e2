// A wrong check-in is corrected or removed by its author within a day: the key result's
// current value and confidence follow its latest check-in, the objective's progress
// follows the key result, and the feed and the audit log say what happened.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, checkIns, keyResults, objectives } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

interface Recorded {
  id: string;
  keyResultId: string;
  version: number;
  value: number;
  confidence: number;
  note: string;
  correctedAt: string | null;
  abilities: { 'checkIn.correct': boolean };
  keyResult: { current: number; confidence: number | null; version: number };
}

/** A team member who owns a key result (start 10 of 0–100) of the team's objective. */
async function ownerOfKeyResult() {
  const { app, deps, clock } = await testServer();
  const { org } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const unit = await createUnit(deps.db, org.id);
  const member = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind' });
  await addToUnit(deps.db, org.id, unit.id, member.id, 'member');
  const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const kr = await createKeyResult(deps.db, org.id, objective.id, { ownerId: member.id, currentValue: 10 });
  const client = await ApiClient.signIn(app, member.email);
  const checkIn = async (value: number, confidence: number) => {
    // A second later than the one before: the latest check-in is the newest by time.
    clock.set(new Date(clock.now().getTime() + 1000));
    const response = await client.post(`/api/v1/key-results/${kr.id}/check-ins`, { value, confidence, note: 'Vecka' });
    expect(response.statusCode).toBe(201);
    return response.json<Recorded>();
  };
  const stored = async () => {
    const [row] = await deps.db.select().from(keyResults).where(eq(keyResults.id, kr.id));
    const [parent] = await deps.db.select().from(objectives).where(eq(objectives.id, objective.id));
    return { current: row?.currentValue, confidence: row?.confidence, progress: parent?.progress };
  };
  const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });
  return { app, deps, clock, org, unit, member, objective, kr, client, checkIn, stored, ifMatch };
}

describe('correcting one’s own check-in', () => {
  it('corrects its figures and note; the key result and its objective follow, and the feed says so', async () => {
    const { deps, org, kr, client, checkIn, stored, ifMatch } = await ownerOfKeyResult();
    const first = await checkIn(30, 6);
    const wrong = await checkIn(90, 9);
    expect(wrong.abilities['checkIn.correct']).toBe(true);
    expect(await stored()).toEqual({ current: 90, confidence: 9, progress: 0.9 });

    const response = await client.patch(`/api/v1/check-ins/${wrong.id}`, { value: 40, note: 'Fel siffra' }, ifMatch(1));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    const corrected = response.json<Recorded>();
    expect(corrected).toMatchObject({ value: 40, confidence: 9, note: 'Fel siffra', version: 2 });
    expect(corrected.correctedAt).not.toBeNull();
    expect(corrected.keyResult).toMatchObject({ current: 40, confidence: 9 });
    expect(await stored()).toEqual({ current: 40, confidence: 9, progress: 0.4 });

    // Correcting an older one leaves the key result (and its version) as it is.
    const krVersion = corrected.keyResult.version;
    const older = await client.patch(`/api/v1/check-ins/${first.id}`, { confidence: 5 }, ifMatch(1));
    expect(older.statusCode).toBe(200);
    expect(older.json<Recorded>().keyResult).toMatchObject({ current: 40, confidence: 9, version: krVersion });

    const history = await client.get(`/api/v1/key-results/${kr.id}/check-ins`);
    expect(history.json<{ items: Recorded[] }>().items.map((c) => [c.value, c.confidence])).toEqual([
      [40, 9],
      [30, 5],
    ]);
    const audits = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'checkIn.update')));
    expect(audits.map((a) => [a.before, a.after])).toContainEqual([
      { current: 90, confidence: 9, note: 'Vecka', blocker: false, checkInId: wrong.id },
      { current: 40, confidence: 9, note: 'Fel siffra', blocker: false, checkInId: wrong.id },
    ]);
    const feed = await client.get(`/api/v1/orgs/${org.id}/feed?limit=5`);
    expect(feed.json<{ items: { action: string; details: object }[] }>().items[0]).toMatchObject({
      action: 'checkIn.update',
      details: { from: 30, to: 30, confidence: 5 },
    });
  });

  it('removes the latest: the key result goes back to the one before, or to what it was before any', async () => {
    const { org, client, checkIn, stored, ifMatch } = await ownerOfKeyResult();
    const first = await checkIn(30, 6);
    const second = await checkIn(55, 4);
    expect((await client.delete(`/api/v1/check-ins/${second.id}`, ifMatch(1))).statusCode).toBe(204);
    expect(await stored()).toEqual({ current: 30, confidence: 6, progress: 0.3 });
    expect((await client.delete(`/api/v1/check-ins/${first.id}`, ifMatch(1))).statusCode).toBe(204);
    // Before any check-in: the value it was created with, no confidence.
    expect(await stored()).toEqual({ current: 10, confidence: null, progress: 0.1 });
    expect((await client.delete(`/api/v1/check-ins/${first.id}`, ifMatch(1))).statusCode).toBe(404);
    const feed = await client.get(`/api/v1/orgs/${org.id}/feed?limit=1`);
    expect(feed.json<{ items: { action: string; details: object }[] }>().items[0]).toMatchObject({
      action: 'checkIn.delete',
      details: { from: 30 },
    });
  });

  it('is for its author alone, for a day, at the version they saw, with If-Match', async () => {
    const { app, deps, clock, org, unit, client, checkIn, ifMatch } = await ownerOfKeyResult();
    const made = await checkIn(30, 6);
    const url = `/api/v1/check-ins/${made.id}`;

    const teammate = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, unit.id, teammate.id, 'member');
    const other = await ApiClient.signIn(app, teammate.email);
    const refused = await other.patch(url, { value: 31 }, ifMatch(1));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().type).toMatch(/check_in_not_yours$/);

    expect((await client.patch(url, { value: 31 })).statusCode).toBe(428);
    expect((await client.patch(url, { value: 31 }, ifMatch(7))).statusCode).toBe(412);
    const empty = await client.patch(url, {}, ifMatch(1));
    expect(empty.statusCode).toBe(400);

    const outsider = await ApiClient.signIn(app, (await createOrg(deps.db)).owner.email);
    expect((await outsider.patch(url, { value: 31 }, ifMatch(1))).statusCode).toBe(404);

    const before = clock.now();
    clock.set(new Date(before.getTime() + 24 * 3_600_000));
    try {
      const late = await client.patch(url, { value: 31 }, ifMatch(1));
      expect(late.statusCode).toBe(409);
      expect(late.json().type).toMatch(/check_in_correction_over$/);
      const history = await client.get(`/api/v1/key-results/${made.keyResultId}/check-ins`);
      expect(history.json<{ items: Recorded[] }>().items[0]?.abilities['checkIn.correct']).toBe(false);
    } finally {
      clock.set(before);
    }
    const [row] = await deps.db.select().from(checkIns).where(eq(checkIns.id, made.id));
    expect(row).toMatchObject({ value: 30, version: 1, correctedAt: null });
  });
});
