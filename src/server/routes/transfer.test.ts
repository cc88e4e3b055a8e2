// Moving an organisation: the export holds everything the organisation owns, in a document
// that its own JSON Schema accepts, and nothing of any other organisation's; the import
// fills an empty organisation from it, all or nothing, and the round trip keeps it all.
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ExportDocument, type ExportDocumentType } from '../../api/schemas/export.ts';
import { writeExport } from '../../app/transfer/export-org.ts';
import { comparableExport } from '../../test/comparable-export.ts';
import { actorInOrg } from '../../app/scope.ts';
import { activities, alignments, checkIns, comments, memberships, reflections } from '../../db/schema.ts';
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

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;
const validate = addFormats(new Ajv({ allErrors: true })).compile(ExportDocument);

/** An organisation with something of every kind in it, and a second one beside it. */
async function organisationWithEverything() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db, { name: 'Exportbolaget', vision: 'Vision', strategy: 'Strategi' });
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara', email: `sara-${org.id}@example.com` });
  const gone = await createMember(deps.db, org.id, 'member', { name: 'Gone', email: `gone-${org.id}@example.com` });
  const division = await createUnit(deps.db, org.id, { name: 'Division', kind: 'division' });
  const team = await createUnit(deps.db, org.id, { name: 'Marknad', parentId: division.id, checkInCadenceDays: 14 });
  await addToUnit(deps.db, org.id, team.id, sara.id, 'lead');
  const year = await createCycle(deps.db, org.id, { name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  const quarter = await createCycle(deps.db, org.id, {
    name: 'Q2',
    parentId: year.id,
    startsOn: '2026-04-01',
    endsOn: '2026-06-30',
  });
  const top = await createObjective(deps.db, org.id, year.id, { level: 'organization' }, { title: 'Nöjda kunder' });
  const teams = await createObjective(
    deps.db,
    org.id,
    quarter.id,
    { level: 'unit', unitId: team.id },
    { title: 'Fler deltagare', finalScore: 0.7 },
  );
  await deps.db.insert(alignments).values({ orgId: org.id, objectiveId: teams.id, supportsId: top.id });
  const secret = await createPrivateObjective(deps.db, org.id, quarter.id, sara.id);
  const kr = await createKeyResult(deps.db, org.id, teams.id, { title: '300 deltagare', ownerId: sara.id });
  const archivedKr = await createKeyResult(deps.db, org.id, teams.id, { archivedAt: new Date('2026-05-01T00:00:00Z') });
  await deps.db.insert(checkIns).values([
    { orgId: org.id, keyResultId: kr.id, authorId: sara.id, value: 120, confidence: 7, note: 'Bra vecka' },
    { orgId: org.id, keyResultId: kr.id, authorId: gone.id, value: 150, confidence: 6 },
  ]);
  await deps.db.insert(activities).values({ orgId: org.id, keyResultId: kr.id, ownerId: sara.id, title: 'Boka lokal' });
  await deps.db.insert(comments).values({ orgId: org.id, objectiveId: teams.id, authorId: sara.id, body: 'Snyggt!' });
  await deps.db.insert(reflections).values([
    { orgId: org.id, cycleId: quarter.id, objectiveId: teams.id, wentWell: 'Eventen', authorId: sara.id },
    { orgId: org.id, cycleId: quarter.id, unitId: team.id, learned: 'Fokus', authorId: sara.id },
  ]);
  // Gone has left, but their check-in stays theirs.
  await deps.db.delete(memberships).where(eq(memberships.accountId, gone.id));

  const other = await createOrg(deps.db, { name: 'Grannen' });
  const otherCycle = await createCycle(deps.db, other.org.id);
  await createObjective(deps.db, other.org.id, otherCycle.id, { level: 'organization' }, { title: 'Grannens mål' });

  const admin = await ApiClient.signIn(app, owner.email);
  return {
    app,
    deps,
    org,
    owner,
    sara,
    gone,
    division,
    team,
    year,
    quarter,
    top,
    teams,
    secret,
    kr,
    archivedKr,
    admin,
  };
}

describe('the organisation export', () => {
  it('holds everything the organisation owns, in a document its JSON Schema accepts', async () => {
    const o = await organisationWithEverything();
    const response = await o.admin.get(`/api/v1/orgs/${o.org.id}/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="riktning-export-.*\.json"$/);
    const doc = response.json<ExportDocumentType>();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);

    expect(doc.format).toBe('riktning/1');
    expect(doc.organization).toMatchObject({ id: o.org.id, name: 'Exportbolaget', vision: 'Vision' });
    expect(doc.people.map((p) => [p.email, p.role])).toEqual(
      expect.arrayContaining([
        [o.owner.email, 'owner'],
        [o.sara.email, 'member'],
        [o.gone.email, null],
      ]),
    );
    expect(doc.people).toHaveLength(3);
    expect(doc.units.map((u) => u.name)).toEqual(['Division', 'Marknad']);
    expect(doc.units[1]).toMatchObject({
      parentId: o.division.id,
      checkInCadenceDays: 14,
      members: [{ personId: o.sara.id, role: 'lead' }],
    });
    expect(doc.cycles.map((c) => [c.name, c.parentId])).toEqual([
      ['2026', null],
      ['Q2', o.year.id],
    ]);
    const byId = new Map(doc.objectives.map((obj) => [obj.id, obj]));
    expect(byId.get(o.teams.id)).toMatchObject({ supports: [o.top.id], finalScore: 0.7, unitId: o.team.id });
    expect(byId.get(o.secret.id)).toMatchObject({ visibility: 'private', personId: o.sara.id });
    expect(doc.keyResults.find((k) => k.id === o.archivedKr.id)?.archivedAt).toBe('2026-05-01T00:00:00.000Z');
    expect(doc.checkIns.map((c) => [c.authorId, c.value, c.note])).toEqual(
      expect.arrayContaining([
        [o.sara.id, 120, 'Bra vecka'],
        [o.gone.id, 150, ''],
      ]),
    );
    expect(doc.activities.map((a) => a.title)).toEqual(['Boka lokal']);
    expect(doc.comments.map((c) => c.body)).toEqual(['Snyggt!']);
    expect(doc.reflections.map((r) => [r.objectiveId, r.unitId])).toEqual(
      expect.arrayContaining([
        [o.teams.id, null],
        [null, o.team.id],
      ]),
    );
    // Nothing of the neighbour's.
    expect(response.body).not.toContain('Grannens mål');
    expect(response.body).not.toContain('Grannen');
  });

  it('is the same text however many items each read of the cursor takes', async () => {
    const o = await organisationWithEverything();
    const actor = await actorInOrg(o.deps.db, { accountId: o.owner.id }, o.org.id);
    const written = async (batchSize: number) => {
      const chunks: string[] = [];
      await writeExport(o.deps, actor, async (chunk) => void chunks.push(chunk), batchSize);
      return chunks.join('');
    };
    const one = await written(1);
    expect(JSON.parse(one).checkIns).toHaveLength(2);
    expect(one).toBe(await written(1000));
  });

  it('is for admins: a member is refused, and another organisation is not found', async () => {
    const o = await organisationWithEverything();
    const member = await ApiClient.signIn(o.app, o.sara.email);
    const refused = await member.get(`/api/v1/orgs/${o.org.id}/export`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
    const { owner: stranger } = await createOrg(o.deps.db);
    const elsewhere = await (await ApiClient.signIn(o.app, stranger.email)).get(`/api/v1/orgs/${o.org.id}/export`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('publishes its JSON Schema beside the OpenAPI document', async () => {
    const { app } = await testServer();
    const response = await app.inject({ method: 'GET', url: '/api/v1/export-schema.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: 'Riktning organisation export', required: expect.any(Array) });
    const openapi = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(openapi.paths['/api/v1/orgs/{orgId}/export'].get.operationId).toBe('exportOrg');
  });

  it('imports into an empty organisation, and exporting that gives the same document but for the new ids', async () => {
    const o = await organisationWithEverything();
    const exported = (await o.admin.get(`/api/v1/orgs/${o.org.id}/export`)).json<ExportDocumentType>();
    const created = await o.admin.post('/api/v1/orgs', { name: 'Kopian', slug: `kopian-${o.org.id.slice(0, 8)}` });
    expect(created.statusCode, created.body).toBe(201);
    const copy = created.json<{ id: string }>().id;

    const dry = await o.admin.post(`/api/v1/orgs/${copy}/import?dryRun=true`, exported);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      counts: {
        people: 3,
        newAccounts: 0,
        units: 2,
        cycles: 2,
        objectives: 3,
        keyResults: 2,
        checkIns: 2,
        activities: 1,
        comments: 1,
        reflections: 2,
      },
    });
    const afterDryRun = (await o.admin.get(`/api/v1/orgs/${copy}/export`)).json<ExportDocumentType>();
    expect([afterDryRun.units, afterDryRun.cycles, afterDryRun.objectives]).toEqual([[], [], []]);

    const imported = await o.admin.post(`/api/v1/orgs/${copy}/import`, exported);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toEqual({ ...dry.json(), dryRun: false });
    const again = (await o.admin.get(`/api/v1/orgs/${copy}/export`)).json<ExportDocumentType>();
    expect(comparableExport(again)).toEqual(comparableExport(exported));

    // The copy is a working organisation: its stored figures and the key results' latest check-in follow.
    const teams = again.objectives.find((obj) => obj.title === 'Fler deltagare');
    const view = (await o.admin.get(`/api/v1/objectives/${teams?.id}`)).json();
    expect(view.keyResults.find((k: { title: string }) => k.title === '300 deltagare')).toMatchObject({
      lastCheckInAt: expect.any(String),
    });
    // A second import into the now filled organisation is refused.
    const twice = await o.admin.post(`/api/v1/orgs/${copy}/import`, exported);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'import_target_not_empty' });
  });

  it('lets one of two imports at once fill the organisation, and refuses the other', async () => {
    const o = await organisationWithEverything();
    const exported = (await o.admin.get(`/api/v1/orgs/${o.org.id}/export`)).json<ExportDocumentType>();
    const created = await o.admin.post('/api/v1/orgs', { name: 'Dubbel', slug: `dubbel-${o.org.id.slice(0, 8)}` });
    const copy = created.json<{ id: string }>().id;
    const answers = await Promise.all([
      o.admin.post(`/api/v1/orgs/${copy}/import`, exported),
      o.admin.post(`/api/v1/orgs/${copy}/import`, exported),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const filled = (await o.admin.get(`/api/v1/orgs/${copy}/export`)).json<ExportDocumentType>();
    expect(filled.objectives).toHaveLength(exported.objectives.length);
  });

  it('names every problem by its JSON pointer and writes nothing', async () => {
    const o = await organisationWithEverything();
    const exported = (await o.admin.get(`/api/v1/orgs/${o.org.id}/export`)).json<ExportDocumentType>();
    const { org: empty, owner } = await createOrg(o.deps.db);
    const admin = await ApiClient.signIn(o.app, owner.email);
    const broken = structuredClone(exported);
    broken.keyResults[0] = {
      ...(broken.keyResults[0] as ExportDocumentType['keyResults'][number]),
      objectiveId: o.org.id,
    };
    broken.people.push({ ...(broken.people[0] as ExportDocumentType['people'][number]), id: o.team.id });
    broken.people[3] = { ...(broken.people[3] as ExportDocumentType['people'][number]), email: 'NY@example.com' };
    const refused = await admin.post(`/api/v1/orgs/${empty.id}/import`, broken);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'import_invalid' });
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/keyResults/0/objectiveId']);
    const after = (await admin.get(`/api/v1/orgs/${empty.id}/export`)).json<ExportDocumentType>();
    expect([after.units, after.cycles, after.objectives, after.people.length]).toEqual([[], [], [], 1]);

    const wrongFormat = await admin.post(`/api/v1/orgs/${empty.id}/import`, { ...exported, format: 'riktning/0' });
    expect(wrongFormat.statusCode).toBe(400);
    expect(JSON.stringify(wrongFormat.json().errors)).toContain('/body/format');

    // An address whose domain is no domain (no dot, as on an intranet) is named by its place.
    const intranet = structuredClone(exported);
    intranet.people[1] = { ...(intranet.people[1] as ExportDocumentType['people'][number]), email: 'anna@intranet' };
    const noDomain = await admin.post(`/api/v1/orgs/${empty.id}/import?dryRun=true`, intranet);
    expect(noDomain.statusCode).toBe(400);
    expect(noDomain.json().errors).toEqual([expect.objectContaining({ field: '/body/people/1/email' })]);

    // A new address becomes a new account, which signs in once invited.
    const newcomer = structuredClone(exported);
    const sara = newcomer.people.find((p) => p.email === o.sara.email);
    if (sara) sara.email = `ny-${empty.id}@example.com`;
    const counted = await admin.post(`/api/v1/orgs/${empty.id}/import?dryRun=true`, newcomer);
    expect(counted.json().counts.newAccounts).toBe(1);
    expect((await admin.post(`/api/v1/orgs/${empty.id}/import`, newcomer)).statusCode).toBe(201);
    const members = (await admin.get(`/api/v1/orgs/${empty.id}/members?limit=200`)).json();
    expect(members.items.map((m: { email: string }) => m.email)).toContain(`ny-${empty.id}@example.com`);

    const member = await ApiClient.signIn(o.app, o.sara.email);
    expect((await member.post(`/api/v1/orgs/${o.org.id}/import?dryRun=true`, exported)).statusCode).toBe(403);
  });
});
