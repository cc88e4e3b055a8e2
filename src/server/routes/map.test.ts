import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/connect.ts';
import { alignments, keyResultAlignments, objectiveThemes, strategyThemes } from '../../db/schema.ts';
import { getAlignmentMapJson } from '../../app/map/get-alignment-map.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
  type ObjectiveOwner,
} from '../../test/factories.ts';

// 45 days into Q2 2026 (91 days from 1 April): expected progress about 0.49 in the quarter,
// and 0.37 in the year.
const NOW = '2026-05-16T00:00:00Z';

interface MapObjective {
  id: string;
  title: string;
  level: string;
  unitId: string | null;
  personId: string | null;
  ownerName: string;
  status: string;
  progress: number;
  supports: string[];
  supportsKeyResultIds?: string[];
  keyResultsSupported?: { id: string; title: string }[];
  themeIndexes?: number[];
}

interface MapBody {
  cycleId: string;
  parentCycleId: string | null;
  themes: { id: string; name: string }[];
  objectives: MapObjective[];
  units: { id: string; parentId: string | null; name: string }[];
}

async function link(db: Queryable, orgId: string, objectiveId: string, supportsId: string) {
  await db.insert(alignments).values({ orgId, objectiveId, supportsId }).onConflictDoNothing();
}

/** `objectiveId` supports the key result (and so its objective), as the API links them. */
async function linkKeyResult(
  db: Queryable,
  orgId: string,
  objectiveId: string,
  keyResult: { id: string; objectiveId: string },
) {
  await link(db, orgId, objectiveId, keyResult.objectiveId);
  await db
    .insert(keyResultAlignments)
    .values({ orgId, objectiveId, supportsId: keyResult.objectiveId, keyResultId: keyResult.id });
}

/**
 * A year with its organisation objectives and a quarter within it:
 *
 *   2026 ─ Y1 (organisation), Y2 (organisation, archived), y3 (Team A's, not on the map)
 *   Q2   ─ O1 (organisation; explicit status), O2 (organisation, a draft)
 *          Division D ─ d1 → Y1, O1;  Team A (in D, led by `lead`) ─ a1 → d1, aDraft (draft)
 *          Team B ─ b1 → O1 and → Y2 (archived: not a link), bArchived (archived)
 *          m1 (in A) ─ m1o → a1, m1Private (private);  m2 ─ m2Private (private)
 */
async function mapWorld() {
  const { app, deps, clock } = await testServer();
  clock.set(NOW);
  const db = deps.db;
  const { org, owner } = await createOrg(db, { name: 'Nordljus' });
  const year = await createCycle(db, org.id, { name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const quarter = await createCycle(db, org.id, {
    name: 'Q2',
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
    parentId: year.id,
  });
  const [m1, m2, lead] = [
    await createMember(db, org.id, 'member', { name: 'Maja Ek' }),
    await createMember(db, org.id, 'member', { name: 'Mats Al' }),
    await createMember(db, org.id, 'member', { name: 'Lea Lind' }),
  ];
  const D = await createUnit(db, org.id, { name: 'Division D' });
  const A = await createUnit(db, org.id, { name: 'Team A', parentId: D.id });
  const B = await createUnit(db, org.id, { name: 'Team B' });
  await createUnit(db, org.id, { name: 'Team X', archivedAt: new Date() });
  await addToUnit(db, org.id, A.id, m1.id, 'member');
  await addToUnit(db, org.id, A.id, lead.id, 'lead');

  let created = 0;
  const objective = async (
    title: string,
    owner: ObjectiveOwner,
    options: {
      cycleId?: string;
      supports?: string[];
      /** Current values of key results from 0 to 100, with their confidence. */
      krs?: [number, number | null][];
    } & Parameters<typeof createObjective>[4] = {},
  ) => {
    const { cycleId = quarter.id, supports = [], krs = [], ...overrides } = options;
    // One second apart, so the order of creation is also the order of created_at.
    const createdAt = new Date(Date.parse('2026-04-01T08:00:00Z') + (created += 1) * 1000);
    const row = await createObjective(db, org.id, cycleId, owner, { title, createdAt, ...overrides });
    for (const [currentValue, confidence] of krs) {
      await createKeyResult(db, org.id, row.id, { currentValue, confidence });
    }
    for (const supportsId of supports) await link(db, org.id, row.id, supportsId);
    return row;
  };
  const orgLevel = { level: 'organization' } as const;
  const Y1 = await objective('Y1', orgLevel, { cycleId: year.id, krs: [[40, 8]] });
  const Y2 = await objective('Y2', orgLevel, { cycleId: year.id, archivedAt: new Date() });
  const y3 = await objective('y3', { level: 'unit', unitId: A.id }, { cycleId: year.id });
  const O1 = await objective('O1', orgLevel, { status: 'on_track', krs: [[10, 2]] });
  const O2 = await objective('O2', orgLevel, { lifecycle: 'draft' });
  const d1 = await objective('d1', { level: 'unit', unitId: D.id }, { supports: [Y1.id, O1.id], krs: [[60, 9]] });
  const a1 = await objective(
    'a1',
    { level: 'unit', unitId: A.id },
    {
      supports: [d1.id],
      krs: [
        [50, 7],
        [30, 5],
      ],
    },
  );
  const aDraft = await objective('aDraft', { level: 'unit', unitId: A.id }, { lifecycle: 'draft' });
  const b1 = await objective('b1', { level: 'unit', unitId: B.id }, { krs: [[5, null]] });
  await link(db, org.id, b1.id, O1.id);
  await link(db, org.id, b1.id, Y2.id);
  const bArchived = await objective('bArchived', { level: 'unit', unitId: B.id }, { archivedAt: new Date() });
  const m1o = await objective('m1o', { level: 'person', personId: m1.id }, { supports: [a1.id], krs: [[100, 9]] });
  const m1Private = await objective('m1Private', { level: 'person', personId: m1.id }, { visibility: 'private' });
  const m2Private = await objective('m2Private', { level: 'person', personId: m2.id }, { visibility: 'private' });

  const signIn = (email: string) => ApiClient.signIn(app, email);
  return {
    app,
    deps,
    org,
    year,
    quarter,
    people: { owner, m1, m2, lead },
    units: { D, A, B },
    o: { Y1, Y2, y3, O1, O2, d1, a1, aDraft, b1, bArchived, m1o, m1Private, m2Private },
    clients: {
      admin: await signIn(owner.email),
      m1: await signIn(m1.email),
      m2: await signIn(m2.email),
      lead: await signIn(lead.email),
    },
  };
}

const mapUrl = (orgId: string, cycleId: string) => `/api/v1/orgs/${orgId}/map?cycleId=${cycleId}`;

async function mapOf(client: ApiClient, orgId: string, cycleId: string): Promise<MapBody> {
  const response = await client.get(mapUrl(orgId, cycleId));
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return response.json<MapBody>();
}

const titles = (body: MapBody) => body.objectives.map((o) => o.title);

describe('alignment map API', () => {
  it('draws the cycle and the year’s organisation objectives, with owners, figures, links and units', async () => {
    const { org, year, quarter, units, o, clients } = await mapWorld();
    const map = await mapOf(clients.admin, org.id, quarter.id);
    expect(map.cycleId).toBe(quarter.id);
    expect(map.parentCycleId).toBe(year.id);
    // The year's organisation objectives first, then the quarter's by creation; archived
    // ones and the year's team objective are left out; an admin reads drafts and private ones.
    expect(titles(map)).toEqual(['Y1', 'O1', 'O2', 'd1', 'a1', 'aDraft', 'b1', 'm1o', 'm1Private', 'm2Private']);
    const byTitle = new Map(map.objectives.map((x) => [x.title, x]));
    expect(byTitle.get('d1')).toEqual({
      id: o.d1.id,
      title: 'd1',
      level: 'unit',
      unitId: units.D.id,
      personId: null,
      ownerName: 'Division D',
      status: 'on_track',
      progress: 0.6,
      supports: expect.arrayContaining([o.Y1.id, o.O1.id]),
    });
    expect(byTitle.get('d1')?.supports).toHaveLength(2);
    // Explicit status wins over the suggestion (progress 0.1 with confidence 2 is off track).
    expect(byTitle.get('O1')).toMatchObject({ ownerName: 'Nordljus', status: 'on_track', progress: 0.1 });
    // The archived Y2 is no link.
    expect(byTitle.get('b1')).toMatchObject({ supports: [o.O1.id], status: 'off_track', progress: 0.05 });
    // 40 % (50 and 30) against 49 % expected is on track, but a confidence of 5 makes it at risk.
    expect(byTitle.get('a1')).toMatchObject({ progress: 0.4, status: 'at_risk', supports: [o.d1.id] });
    expect(byTitle.get('m1o')).toMatchObject({ ownerName: 'Maja Ek', level: 'person', unitId: null });
    expect(byTitle.get('Y1')).toMatchObject({ status: 'on_track', progress: 0.4, supports: [] });
    expect(map.units).toEqual([
      { id: units.D.id, parentId: null, name: 'Division D' },
      { id: units.A.id, parentId: units.D.id, name: 'Team A' },
      { id: units.B.id, parentId: null, name: 'Team B' },
    ]);
  });

  it('shows drafts and private objectives only to those who may read them', async () => {
    const { org, quarter, clients } = await mapWorld();
    const common = ['Y1', 'O1', 'd1', 'a1', 'b1', 'm1o'];
    expect(titles(await mapOf(clients.m1, org.id, quarter.id))).toEqual([...common, 'm1Private']);
    expect(titles(await mapOf(clients.m2, org.id, quarter.id))).toEqual([...common, 'm2Private']);
    // A lead reads the drafts of the unit they lead, not the organisation's.
    expect(titles(await mapOf(clients.lead, org.id, quarter.id))).toEqual([
      'Y1',
      'O1',
      'd1',
      'a1',
      'aDraft',
      'b1',
      'm1o',
    ]);
  });

  it('has the figures the objectives list has for the same objectives, for whoever asks', async () => {
    const { org, year, quarter, clients } = await mapWorld();
    for (const client of [clients.admin, clients.m1, clients.lead]) {
      const map = await mapOf(client, org.id, quarter.id);
      const listed = async (query: string) => {
        const response = await client.get(`/api/v1/orgs/${org.id}/objectives?${query}&limit=200`);
        expect(response.statusCode).toBe(200);
        return response.json<{ items: (MapObjective & Record<string, unknown>)[] }>().items;
      };
      const list = [
        ...(await listed(`cycleId=${year.id}&level=organization`)),
        ...(await listed(`cycleId=${quarter.id}`)),
      ];
      expect(map.objectives.map((x) => x.id)).toEqual(list.map((x) => x.id));
      for (const [i, item] of list.entries()) {
        const drawn = map.objectives[i] as MapObjective;
        const { progress, supports, ...rest } = drawn;
        expect(rest).toEqual({
          id: item.id,
          title: item.title,
          level: item.level,
          unitId: item.unitId,
          personId: item.personId,
          ownerName: item.ownerName,
          status: item.status,
        });
        expect(progress).toBeCloseTo(item.progress, 12);
        expect([...supports].sort()).toEqual([...item.supports].sort());
      }
    }
  });

  it('names the key results objectives support, and only those of objectives the reader may read', async () => {
    const { deps, org, quarter, people, o, clients } = await mapWorld();
    const db = deps.db;
    const kr = (objectiveId: string, title: string, extra: { archivedAt?: Date } = {}) =>
      createKeyResult(db, org.id, objectiveId, { title, position: 10, ...extra });
    const events = await kr(o.a1.id, '300 deltagare på interna event');
    const cases = await createKeyResult(db, org.id, o.a1.id, { title: 'Tio kundcase', position: 11 });
    const archived = await kr(o.a1.id, 'Arkiverat nyckelresultat', { archivedAt: new Date() });
    const secret = await kr(o.m2Private.id, 'Hemligt nyckelresultat');
    const m2Public = await createObjective(db, org.id, quarter.id, { level: 'person', personId: people.m2.id });
    await linkKeyResult(db, org.id, o.m1o.id, events);
    await linkKeyResult(db, org.id, o.m1o.id, archived);
    // Maja's private objective supports a key result of her team's, Mats's public one his private one's.
    await linkKeyResult(db, org.id, o.m1Private.id, cases);
    await linkKeyResult(db, org.id, m2Public.id, secret);

    const read = async (client: ApiClient) => {
      const response = await client.get(mapUrl(org.id, quarter.id));
      return { text: response.body, byId: new Map(response.json<MapBody>().objectives.map((x) => [x.id, x])) };
    };
    const rows = (title: string, id: string) => ({ id, title });

    const admin = await read(clients.admin);
    expect(admin.byId.get(o.a1.id)?.keyResultsSupported).toEqual([
      rows('300 deltagare på interna event', events.id),
      rows('Tio kundcase', cases.id),
    ]);
    // The archived key result is no link; the objective link stays.
    expect(admin.byId.get(o.m1o.id)).toMatchObject({ supportsKeyResultIds: [events.id], supports: [o.a1.id] });
    expect(admin.byId.get(o.m1Private.id)?.supportsKeyResultIds).toEqual([cases.id]);
    expect(admin.byId.get(m2Public.id)?.supportsKeyResultIds).toEqual([secret.id]);
    expect(admin.byId.get(o.m2Private.id)?.keyResultsSupported).toEqual([rows('Hemligt nyckelresultat', secret.id)]);
    expect(admin.text).not.toContain('Arkiverat');
    // Compact: an objective without such links has neither field.
    expect(Object.keys(admin.byId.get(o.d1.id) ?? {})).not.toContain('supportsKeyResultIds');
    expect(Object.keys(admin.byId.get(o.d1.id) ?? {})).not.toContain('keyResultsSupported');
    expect(Object.keys(admin.byId.get(o.m1o.id) ?? {})).not.toContain('keyResultsSupported');

    // Maja reads her private objective, so both of her team's rows; Mats's private key result
    // is not named, nor even its id, though she reads the objective that supports it.
    const maja = await read(clients.m1);
    expect(maja.byId.get(o.a1.id)?.keyResultsSupported).toHaveLength(2);
    expect(maja.byId.get(m2Public.id)).toBeDefined();
    expect(maja.byId.get(m2Public.id)?.supportsKeyResultIds).toBeUndefined();
    expect(maja.text).not.toContain('Hemligt');
    expect(maja.text).not.toContain(secret.id);

    // Mats does not read Maja's private objective: the row its link ends at is not drawn for him.
    const mats = await read(clients.m2);
    expect(mats.byId.get(o.a1.id)?.keyResultsSupported).toEqual([rows('300 deltagare på interna event', events.id)]);
    expect(mats.text).not.toContain('Tio kundcase');
    expect(mats.text).not.toContain(cases.id);
    expect(mats.byId.get(m2Public.id)?.supportsKeyResultIds).toEqual([secret.id]);
    expect(mats.byId.get(o.m2Private.id)?.keyResultsSupported).toEqual([rows('Hemligt nyckelresultat', secret.id)]);
  });

  it('names the organisation’s themes once, in their order, and on each objective the indexes of those it serves', async () => {
    const { deps, org, quarter, o, clients } = await mapWorld();
    const db = deps.db;
    // Added in another order than leadership lists them: the map follows the positions.
    const [close, service, growth] = await db
      .insert(strategyThemes)
      .values([
        { orgId: org.id, name: 'Nära kunden', position: 1 },
        { orgId: org.id, name: 'Belysning som tjänst', position: 0 },
        { orgId: org.id, name: 'Växa i Norden', position: 2 },
      ])
      .returning();
    if (!close || !service || !growth) throw new Error('The themes were not added.');
    const other = await createOrg(db);
    await db.insert(strategyThemes).values({ orgId: other.org.id, name: 'En annan organisations tema' });
    const serve = (objectiveId: string, ...themes: { id: string }[]) =>
      db.insert(objectiveThemes).values(themes.map((t) => ({ orgId: org.id, objectiveId, themeId: t.id })));
    await serve(o.Y1.id, growth, service);
    await serve(o.O1.id, close);
    // A team objective that supports no organisation objective, serving a theme itself.
    await serve(o.b1.id, growth);
    await serve(o.m2Private.id, close);

    const map = await mapOf(clients.admin, org.id, quarter.id);
    expect(map.themes).toEqual([
      { id: service.id, name: 'Belysning som tjänst' },
      { id: close.id, name: 'Nära kunden' },
      { id: growth.id, name: 'Växa i Norden' },
    ]);
    const themeIdsOf = (body: MapBody, title: string) =>
      body.objectives.find((x) => x.title === title)?.themeIndexes?.map((i) => body.themes[i]?.id);
    // In the themes' order, whatever order they were tagged in.
    expect(themeIdsOf(map, 'Y1')).toEqual([service.id, growth.id]);
    expect(themeIdsOf(map, 'O1')).toEqual([close.id]);
    expect(themeIdsOf(map, 'b1')).toEqual([growth.id]);
    expect(themeIdsOf(map, 'm2Private')).toEqual([close.id]);
    // Compact: an objective that serves no theme has no such field.
    expect(Object.keys(map.objectives.find((x) => x.title === 'd1') ?? {})).not.toContain('themeIndexes');

    // Maja reads neither Mats's private objective nor its themes; every member reads the themes.
    const maja = await mapOf(clients.m1, org.id, quarter.id);
    expect(maja.themes).toEqual(map.themes);
    expect(themeIdsOf(maja, 'O1')).toEqual([close.id]);
    expect(maja.objectives.filter((x) => x.themeIndexes).map((x) => x.title)).toEqual(['Y1', 'O1', 'b1']);
  });

  it('sends the database’s JSON text as it is, and compresses it for clients that accept it', async () => {
    const { deps, org, quarter, people, clients } = await mapWorld();
    const response = await clients.admin.get(mapUrl(org.id, quarter.id));
    const text = await getAlignmentMapJson(deps, { accountId: people.owner.id }, org.id, { cycleId: quarter.id });
    // Byte for byte what PostgreSQL wrote (its own spacing), so Fastify serialised nothing.
    expect(response.body).toBe(text);
    expect(text).not.toBe(JSON.stringify(JSON.parse(text)));
    const compressed = await clients.admin.get(mapUrl(org.id, quarter.id), { headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
  });

  it('answers 404 for another organisation’s caller or cycle, and 400 for a bad cycle id', async () => {
    const { app, deps, org, quarter, clients } = await mapWorld();
    const other = await createOrg(deps.db);
    const foreignCycle = await createCycle(deps.db, other.org.id);
    const outsider = await ApiClient.signIn(app, other.owner.email);
    for (const [client, url] of [
      [outsider, mapUrl(org.id, quarter.id)],
      [clients.admin, mapUrl(org.id, foreignCycle.id)],
      [clients.admin, mapUrl(other.org.id, foreignCycle.id)],
      [clients.admin, mapUrl(org.id, '00000000-0000-4000-8000-000000000000')],
    ] as const) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    for (const url of [
      `/api/v1/orgs/${org.id}/map`,
      mapUrl(org.id, 'not-a-cycle'),
      `${mapUrl(org.id, quarter.id)}&unitId=${quarter.id}`,
    ]) {
      const response = await clients.admin.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await ApiClient.anonymous(app).get(mapUrl(org.id, quarter.id))).statusCode).toBe(401);
  });

  it('is an empty map for a cycle with nothing in it, and a cycle without a parent', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const cycle = await createCycle(deps.db, org.id);
    const client = await ApiClient.signIn(app, owner.email);
    expect(await mapOf(client, org.id, cycle.id)).toEqual({
      cycleId: cycle.id,
      parentCycleId: null,
      themes: [],
      objectives: [],
      units: [],
    });
  });
});
