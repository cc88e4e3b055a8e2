// The weekly check-in meeting of a unit: the team's key results, then each member's own,
// with the week's change, confidence moves, notes and blockers, and owed check-ins.
import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
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
import { createAppCaches } from '../../app/caches.ts';
import type { AppDeps } from '../../app/context.ts';
import { getWeeklyMeeting } from '../../app/meetings/weekly-meeting.ts';

interface Section {
  kind: string;
  name: string;
  lead: boolean;
  figures: { blockers: number; due: number; confidenceDown: number };
  keyResults: {
    title: string;
    previousValue: number | null;
    current: number;
    progress: number;
    previousProgress: number;
    confidenceMove: string;
    due: boolean;
    checkedInThisWeek: boolean;
    notes: { note: string; blocker: boolean; authorName: string }[];
  }[];
}

async function team() {
  const { app, deps, clock } = await testServer();
  clock.set('2026-05-01T09:00:00Z');
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id);
  const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
  const elin = await createMember(deps.db, org.id, 'member', { name: 'Elin Sandberg' });
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lindqvist' });
  await addToUnit(deps.db, org.id, unit.id, sara.id, 'member');
  await addToUnit(deps.db, org.id, unit.id, elin.id, 'lead');
  const teamObjective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const events = await createKeyResult(deps.db, org.id, teamObjective.id, {
    title: '300 deltagare',
    targetValue: 300,
    ownerId: elin.id,
    createdAt: new Date('2026-04-01T09:00:00Z'),
  });
  const saras = await createObjective(deps.db, org.id, cycle.id, { level: 'person', personId: sara.id });
  const secret = await createPrivateObjective(deps.db, org.id, cycle.id, sara.id);
  await createKeyResult(deps.db, org.id, secret.id, { title: 'Min privata utveckling', ownerId: sara.id });
  const asElin = await ApiClient.signIn(app, elin.email);
  const asSara = await ApiClient.signIn(app, sara.email);
  const admin = await ApiClient.signIn(app, owner.email);
  await createKeyResult(deps.db, org.id, saras.id, {
    title: 'E-post ger 100 anmälningar',
    targetValue: 100,
    ownerId: sara.id,
    createdAt: new Date('2026-04-01T09:00:00Z'),
  });
  return { app, deps, clock, org, cycle, unit, events, sara, asElin, asSara, admin };
}

describe('the weekly meeting', () => {
  it('shows what changed since a week ago, how confidence moved, the week’s notes and blockers, and who owes a check-in', async () => {
    const { app, deps, clock, cycle, unit, events, sara, asElin } = await team();
    const checkIn = async (client: ApiClient, krId: string, body: Record<string, unknown>) => {
      const response = await client.post(`/api/v1/key-results/${krId}/check-ins`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    // Two weeks and one week ago, then this week (with a blocker).
    clock.set('2026-05-01T09:00:00Z');
    await checkIn(asElin, events.id, { value: 90, confidence: 7, note: 'Bra start' });
    clock.set('2026-05-08T08:00:00Z');
    await checkIn(asElin, events.id, { value: 120, confidence: 7 });
    clock.set('2026-05-13T09:00:00Z');
    const blocked = await checkIn(asElin, events.id, {
      value: 150,
      confidence: 5,
      note: 'Lokalen är inte bokad',
      blocker: true,
    });
    expect(blocked.blocker).toBe(true);
    clock.set('2026-05-15T10:00:00Z');

    // Sara signs in for the meeting: her session of two weeks before has ended unused.
    const asSara = await ApiClient.signIn(app, sara.email);
    const url = `/api/v1/units/${unit.id}/weekly-meeting?cycleId=${cycle.id}`;
    const response = await asSara.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const meeting = response.json<{ since: string; sections: Section[] }>();
    expect(meeting.since).toBe('2026-05-08T10:00:00.000Z');
    expect(meeting.sections.map((s) => [s.kind, s.name, s.lead])).toEqual([
      ['team', 'Marknad', false],
      ['person', 'Elin Sandberg', true],
      ['person', 'Sara Lindqvist', false],
    ]);
    const [teamSection, elinSection, saraSection] = meeting.sections;
    expect(teamSection?.keyResults).toEqual([
      expect.objectContaining({
        title: '300 deltagare',
        previousValue: 120,
        current: 150,
        previousProgress: 0.4,
        progress: 0.5,
        confidenceMove: 'down',
        due: false,
        checkedInThisWeek: true,
        // The week's notes only: "Bra start" was two weeks ago.
        notes: [expect.objectContaining({ note: 'Lokalen är inte bokad', blocker: true, authorName: 'Elin Sandberg' })],
      }),
    ]);
    expect(teamSection?.figures).toEqual({ blockers: 1, due: 0, confidenceDown: 1 });
    expect(elinSection?.keyResults).toEqual([]);
    // Sara's own key result was never checked in and is a month old: due. Her private
    // objective shows to her.
    expect(saraSection?.keyResults.map((kr) => [kr.title, kr.due, kr.previousValue, kr.confidenceMove])).toEqual([
      ['E-post ger 100 anmälningar', true, null, 'none'],
      ['Min privata utveckling', false, null, 'none'],
    ]);

    // However many people and key results, with the caches warm: the unit with its members,
    // and the key results with their week.
    const caches = createAppCaches();
    const statements = async () => {
      const counting = countStatements(deps.db);
      const d: AppDeps = { db: counting.db, now: deps.now, caches };
      await getWeeklyMeeting(d, { accountId: sara.id, caches }, unit.id, cycle.id);
      return counting.statements();
    };
    await statements();
    expect(await statements()).toBe(2);
  });

  it('keeps another member’s private objectives and drafts out, and answers the unit of another organisation as not found', async () => {
    const { app, deps, org, cycle, unit, asElin, admin } = await team();
    const draft = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      { lifecycle: 'draft' },
    );
    await createKeyResult(deps.db, org.id, draft.id, { title: 'Utkast' });
    const titles = async (client: ApiClient) =>
      (await client.get(`/api/v1/units/${unit.id}/weekly-meeting?cycleId=${cycle.id}`))
        .json<{ sections: Section[] }>()
        .sections.flatMap((s) => s.keyResults.map((kr) => kr.title));
    expect(await titles(asElin)).not.toContain('Min privata utveckling');
    expect(await titles(asElin)).not.toContain('Utkast');
    expect(await titles(admin)).toContain('Min privata utveckling');

    const elsewhere = await createOrg(deps.db);
    const stranger = await ApiClient.signIn(app, elsewhere.owner.email);
    const foreign = await stranger.get(`/api/v1/units/${unit.id}/weekly-meeting?cycleId=${cycle.id}`);
    expect(foreign.statusCode).toBe(404);
    const theirCycle = await createCycle(deps.db, elsewhere.org.id);
    const wrongCycle = await asElin.get(`/api/v1/units/${unit.id}/weekly-meeting?cycleId=${theirCycle.id}`);
    expect(wrongCycle.statusCode).toBe(404);
    expect(wrongCycle.json().code).toBe('not_found');
    const noCycle = await asElin.get(`/api/v1/units/${unit.id}/weekly-meeting`);
    expect(noCycle.statusCode).toBe(400);
    expect(noCycle.json().errors[0].field).toMatch(/cycleId/);
  });
});
