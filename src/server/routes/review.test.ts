// The quarterly review of a cycle, for the organisation and for a unit: scores and bands
// (so far, then final), key results, reflections, carry-overs, alignment health and the
// units' summary — public published objectives only, whoever asks.
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/connect.ts';
import { isNotNull } from 'drizzle-orm';
import { alignments, objectives, reflections } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { expectCycleFiguresScoped } from '../../test/cycle-figures.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createPrivateObjective,
  createUnit,
  type ObjectiveOwner,
} from '../../test/factories.ts';
import { countStatements } from '../../test/statements.ts';
import { createAppCaches } from '../../app/caches.ts';
import type { AppDeps } from '../../app/context.ts';
import { getReview } from '../../app/review/get-review.ts';

interface Review {
  unit: { name: string } | null;
  organization: { name: string };
  scoresFinal: boolean;
  summary: { objectives: number; averageScore: number | null; byBand: Record<string, number>; carriedOver: number };
  objectives: {
    title: string;
    ownerName: string;
    score: number;
    band: string;
    finalScore: number | null;
    done: boolean;
    reflection: { wentWell: string; learned: string; changeNext: string } | null;
    carriedTo: { title: string; cycleName: string }[];
    keyResults: { title: string; ownerName: string | null; score: number; band: string }[];
  }[];
  unitReflection: { wentWell: string } | null;
  units: { name: string; objectives: number; averageScore: number | null; alignmentShare: number | null }[] | null;
  alignment: { unitObjectives: { total: number; supportingOrganization: number }; people: { total: number } };
}

type Overrides = Parameters<typeof createObjective>[4];

const ifMatch = (version: number) => ({ headers: { 'if-match': `"${version}"` } });

async function reflect(
  db: Queryable,
  orgId: string,
  cycleId: string,
  subject: { objectiveId?: string; unitId?: string },
) {
  await db
    .insert(reflections)
    .values({ orgId, cycleId, ...subject, wentWell: 'Samarbetet', learned: 'Mät tidigt', changeNext: 'Färre mål' });
}

/**
 * Q2 of an organisation with the objective "Fler kunder" (60 of 100: 0.6 so far), Marknad
 * (with Event beneath it) and Sälj. Marknad's "Fler på våra event" supports it (240 of 300:
 * 0.8) and goes on in Q3; Event's "Mässor" supports nothing (0.2). Sara, of Marknad, has a
 * public objective, a private one and a draft; Marknad has a draft and an archived one.
 */
async function quarter() {
  const { app, deps } = await testServer();
  const db = deps.db;
  const { org, owner } = await createOrg(db, { name: 'Riktning AB' });
  const cycle = await createCycle(db, org.id, { name: 'Q2 2026' });
  const next = await createCycle(db, org.id, { name: 'Q3 2026', startsOn: '2026-07-01', endsOn: '2026-09-30' });
  const marketing = await createUnit(db, org.id, { name: 'Marknad' });
  const events = await createUnit(db, org.id, { name: 'Event', parentId: marketing.id });
  await createUnit(db, org.id, { name: 'Sälj' });
  const elin = await createMember(db, org.id, 'member', { name: 'Elin Sandberg' });
  const sara = await createMember(db, org.id, 'member', { name: 'Sara Lindqvist' });
  await addToUnit(db, org.id, marketing.id, elin.id, 'lead');
  await addToUnit(db, org.id, marketing.id, sara.id, 'member');

  const marketingOwner = { level: 'unit' as const, unitId: marketing.id };
  const saraOwner = { level: 'person' as const, personId: sara.id };
  const objective = (owner: ObjectiveOwner, title: string, overrides: { cycleId?: string } & Overrides = {}) => {
    const { cycleId = cycle.id, ...rest } = overrides;
    return createObjective(db, org.id, cycleId, owner, { title, ...rest });
  };

  const customers = await objective({ level: 'organization' }, 'Fler kunder');
  await createKeyResult(db, org.id, customers.id, { title: '100 nya kunder', currentValue: 60 });
  const team = await objective(marketingOwner, 'Fler på våra event');
  await createKeyResult(db, org.id, team.id, {
    title: '300 deltagare',
    targetValue: 300,
    currentValue: 240,
    ownerId: elin.id,
  });
  await db.insert(alignments).values({ orgId: org.id, objectiveId: team.id, supportsId: customers.id });
  await reflect(db, org.id, cycle.id, { objectiveId: team.id });
  await reflect(db, org.id, cycle.id, { unitId: marketing.id });
  await objective(marketingOwner, 'Fler på våra event', { cycleId: next.id, carriedFromId: team.id });
  const fairs = await objective({ level: 'unit', unitId: events.id }, 'Mässor');
  await createKeyResult(db, org.id, fairs.id, { currentValue: 20 });

  const saras = await objective(saraOwner, 'Öka deltagandet på interna event');
  await createKeyResult(db, org.id, saras.id, { title: 'E-post ger 100 anmälningar', currentValue: 50 });
  const secret = await createPrivateObjective(db, org.id, cycle.id, sara.id);
  await createKeyResult(db, org.id, secret.id, { title: 'Min privata utveckling' });
  await objective(marketingOwner, 'Teamets utkast', { lifecycle: 'draft' });
  await objective(saraOwner, 'Saras utkast', { lifecycle: 'draft' });
  await objective(marketingOwner, 'Arkiverat', { archivedAt: new Date() });

  const [asSara, asElin, asOwner] = await Promise.all([
    ApiClient.signIn(app, sara.email),
    ApiClient.signIn(app, elin.email),
    ApiClient.signIn(app, owner.email),
  ]);
  return { app, deps, org, cycle, marketing, saras, secret, sara, asSara, asElin, asOwner };
}

async function reviewOf(client: ApiClient, orgId: string, query: Record<string, string>): Promise<Review> {
  const response = await client.get(`/api/v1/orgs/${orgId}/review?${new URLSearchParams(query)}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Review>();
}

describe('the quarterly review', () => {
  it('reviews the organisation’s objectives with their scores so far and sums up each top-level unit', async () => {
    const { org, cycle, asSara } = await quarter();
    const review = await reviewOf(asSara, org.id, { cycleId: cycle.id });
    expect(review).toMatchObject({ organization: { name: 'Riktning AB' }, unit: null, scoresFinal: false });
    expect(review.objectives).toEqual([
      expect.objectContaining({
        title: 'Fler kunder',
        ownerName: 'Riktning AB',
        score: 0.6,
        band: 'yellow',
        finalScore: null,
        keyResults: [expect.objectContaining({ title: '100 nya kunder', score: 0.6, band: 'yellow' })],
      }),
    ]);
    // Marknad counts Event's objective too: (0.8 + 0.2) / 2, one of two supporting. Sälj has none.
    expect(review.units).toEqual([
      expect.objectContaining({ name: 'Marknad', objectives: 2, averageScore: 0.5, alignmentShare: 0.5 }),
      expect.objectContaining({ name: 'Sälj', objectives: 0, averageScore: null, alignmentShare: null }),
    ]);
    expect(review.alignment.unitObjectives).toEqual({
      total: 2,
      supportingOrganization: 1,
      share: 0.5,
      servingThemeOnly: 0,
    });
  });

  it('reviews a unit: its objectives, then its members’, with reflections and what was carried over', async () => {
    const { org, cycle, marketing, asElin } = await quarter();
    const review = await reviewOf(asElin, org.id, { cycleId: cycle.id, unitId: marketing.id });
    expect(review.unit).toEqual({ id: marketing.id, name: 'Marknad' });
    expect(review.units).toBeNull();
    expect(review.objectives.map((o) => [o.title, o.ownerName, o.score, o.band])).toEqual([
      ['Fler på våra event', 'Marknad', 0.8, 'green'],
      ['Öka deltagandet på interna event', 'Sara Lindqvist', 0.5, 'yellow'],
    ]);
    const [team] = review.objectives;
    expect(team?.reflection).toEqual({ wentWell: 'Samarbetet', learned: 'Mät tidigt', changeNext: 'Färre mål' });
    expect(team?.carriedTo).toEqual([expect.objectContaining({ title: 'Fler på våra event', cycleName: 'Q3 2026' })]);
    expect(team?.keyResults).toEqual([
      expect.objectContaining({ title: '300 deltagare', ownerName: 'Elin Sandberg', score: 0.8, band: 'green' }),
    ]);
    expect(review.unitReflection).toMatchObject({ wentWell: 'Samarbetet' });
    expect(review.summary).toMatchObject({
      objectives: 2,
      averageScore: expect.closeTo(0.65) as number,
      byBand: { red: 0, yellow: 1, green: 1 },
      carriedOver: 1,
    });
    // The unit's own alignment: its one objective supports the organisation's; Elin and Sara.
    expect(review.alignment.unitObjectives).toMatchObject({ total: 1, supportingOrganization: 1 });
    expect(review.alignment.people.total).toBe(2);
  });

  it('shows no private objective and no draft to anyone, not even to their owner or the organisation’s owner', async () => {
    const { deps, org, cycle, marketing, secret, asSara, asOwner } = await quarter();
    for (const client of [asSara, asOwner]) {
      for (const query of [{ cycleId: cycle.id }, { cycleId: cycle.id, unitId: marketing.id }] as Record<
        string,
        string
      >[]) {
        const review = await reviewOf(client, org.id, query);
        const titles = review.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]);
        expect(titles).not.toContain(secret.title);
        expect(titles).not.toContain('Min privata utveckling');
        expect(titles).not.toContain('Teamets utkast');
        expect(titles).not.toContain('Saras utkast');
        expect(titles).not.toContain('Arkiverat');
      }
    }
    // Nor a carry-over into an objective that has since been made private.
    const unitQuery = { cycleId: cycle.id, unitId: marketing.id };
    expect((await reviewOf(asOwner, org.id, unitQuery)).summary.carriedOver).toBe(1);
    await deps.db.update(objectives).set({ visibility: 'private' }).where(isNotNull(objectives.carriedFromId));
    const after = await reviewOf(asOwner, org.id, unitQuery);
    expect(after.objectives[0]?.carriedTo).toEqual([]);
    expect(after.summary.carriedOver).toBe(0);
  });

  it('gives final scores once the cycle is closed, and the owners’ own', async () => {
    const { org, cycle, marketing, saras, asOwner, asElin, asSara } = await quarter();
    const before = await reviewOf(asElin, org.id, { cycleId: cycle.id, unitId: marketing.id });
    expect(before.objectives.every((o) => o.finalScore === null)).toBe(true);
    // Sara scores her own before the cycle closes; closing keeps it.
    const scored = await asSara.put(`/api/v1/objectives/${saras.id}/scoring`, { finalScore: 0.9 }, ifMatch(1));
    expect(scored.statusCode, scored.body).toBe(200);
    const closed = await asOwner.post(`/api/v1/cycles/${cycle.id}/close`, undefined, ifMatch(1));
    expect(closed.statusCode, closed.body).toBe(200);
    const review = await reviewOf(asElin, org.id, { cycleId: cycle.id, unitId: marketing.id });
    expect(review.scoresFinal).toBe(true);
    expect(review.objectives.map((o) => [o.finalScore, o.score, o.band])).toEqual([
      [0.8, 0.8, 'green'],
      [0.9, 0.9, 'green'],
    ]);
  });

  it('reads in two statements with the caches warm, whatever the number of objectives', async () => {
    const { deps, org, cycle, marketing, sara } = await quarter();
    const caches = createAppCaches();
    const statements = async (unitId?: string) => {
      const counting = countStatements(deps.db);
      const d: AppDeps = { db: counting.db, now: deps.now, caches };
      await getReview(d, { accountId: sara.id, caches }, org.id, { cycleId: cycle.id, unitId });
      return counting.statements();
    };
    for (const unitId of [undefined, marketing.id]) {
      await statements(unitId);
      expect(await statements(unitId)).toBe(2);
    }
    for (const owner of [{ level: 'organization' as const }, { level: 'unit' as const, unitId: marketing.id }]) {
      const more = await createObjective(deps.db, org.id, cycle.id, owner);
      await createKeyResult(deps.db, org.id, more.id);
      await createKeyResult(deps.db, org.id, more.id);
    }
    expect(await statements()).toBe(2);
    expect(await statements(marketing.id)).toBe(2);
  });

  it('answers 404 for another organisation’s ids, 400 without a cycle or with a unit that is no id', async () => {
    const { app, deps, org, cycle, asOwner } = await quarter();
    await expectCycleFiguresScoped(app, deps, 'review', { orgId: org.id, cycleId: cycle.id, admin: asOwner });
    const badUnit = await asOwner.get(`/api/v1/orgs/${org.id}/review?cycleId=${cycle.id}&unitId=nope`);
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().errors[0].field).toMatch(/unitId/);
    const archived = await createUnit(deps.db, org.id, { name: 'Gammal', archivedAt: new Date() });
    const gone = await asOwner.get(`/api/v1/orgs/${org.id}/review?cycleId=${cycle.id}&unitId=${archived.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
  });
});
