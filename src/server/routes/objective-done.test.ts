// An objective marked done before its cycle closes: reached early, its key results owe no
// more check-ins (My week, the bell, the weekly meeting, the dashboard, reminders), and it
// can be opened again while the cycle is open.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, testServer } from '../../test/server.ts';
import { createCycle, createKeyResult, createMember, createObjective, createOrg } from '../../test/factories.ts';
import { cycles } from '../../db/schema.ts';

async function quietObjective() {
  const { app, deps, clock } = await testServer();
  clock.set('2026-05-15T10:00:00Z');
  const { org } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id);
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara' });
  const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'person', personId: sara.id });
  // Checked in three weeks ago: due by the weekly cadence.
  await createKeyResult(deps.db, org.id, objective.id, {
    ownerId: sara.id,
    createdAt: new Date('2026-04-01T09:00:00Z'),
    lastCheckInAt: new Date('2026-04-24T09:00:00Z'),
  });
  const asSara = await ApiClient.signIn(app, sara.email);
  return { app, deps, org, cycle, sara, objective, asSara };
}

describe('an objective marked done', () => {
  it('owes no check-ins once done, and owes them again when opened', async () => {
    const { org, cycle, sara, objective, asSara } = await quietObjective();
    const due = async () =>
      (await asSara.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${sara.id}&limit=200`))
        .json<{ items: { due: boolean }[] }>()
        .items.map((kr) => kr.due);
    const overdue = async () =>
      (await asSara.get(`/api/v1/orgs/${org.id}/dashboard?cycleId=${cycle.id}`)).json().checkIns.overdue;
    expect(await due()).toEqual([true]);
    expect(await overdue()).toBe(1);

    const done = await asSara.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: true },
      { headers: { 'if-match': '"1"' } },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().doneAt).toBe('2026-05-15T10:00:00.000Z');
    expect(await due()).toEqual([false]);
    expect(await overdue()).toBe(0);

    // Marking it done again changes nothing; false opens it.
    const again = await asSara.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: true },
      { headers: { 'if-match': '"2"' } },
    );
    expect(again.json().doneAt).toBe('2026-05-15T10:00:00.000Z');
    const opened = await asSara.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: false },
      { headers: { 'if-match': '"3"' } },
    );
    expect(opened.json().doneAt).toBeNull();
    expect(await due()).toEqual([true]);
  });

  it('is refused once the cycle is closed, for someone else’s objective, and for a value that is not a boolean', async () => {
    const { app, deps, org, cycle, objective, asSara } = await quietObjective();
    const colleague = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'member')).email);
    const theirs = await colleague.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: true },
      { headers: { 'if-match': '"1"' } },
    );
    expect(theirs.statusCode).toBe(403);
    const malformed = await asSara.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: 'yes' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('/body/done');

    await deps.db.update(cycles).set({ status: 'closed' }).where(eq(cycles.id, cycle.id));
    const admin = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'admin')).email);
    const closed = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { done: true },
      { headers: { 'if-match': '"1"' } },
    );
    expect(closed.statusCode).toBe(422);
    expect(closed.json().errors).toEqual([
      expect.objectContaining({ field: '/body/done', code: 'done_in_closed_cycle' }),
    ]);
    expect((await admin.get(`/api/v1/objectives/${objective.id}`)).json()).toMatchObject({ doneAt: null, version: 1 });
  });
});
