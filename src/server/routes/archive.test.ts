import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
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
import { activities, auditEvents, keyResults } from '../../db/schema.ts';

interface Item {
  kind: string;
  id: string;
  title: string;
  version: number;
  archivedAt: string;
  archivedBy: { id: string; name: string } | null;
  objective: { id: string; title: string } | null;
  keyResult: { id: string; title: string } | null;
  unit: { id: string; name: string } | null;
  person: { id: string; name: string } | null;
  unitsBeneath: number;
  blockedBy: { kind: string; id: string; title: string } | null;
}
interface ArchivePage {
  items: Item[];
  nextCursor: string | null;
}

async function orgWithAdmin() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const admin = await ApiClient.signIn(app, owner.email);
  /** Archives through the API at a given minute, so the archive's order is known. */
  const archive = async (path: string, minute: number, client = admin) => {
    clock.set(`2026-05-15T10:${String(minute).padStart(2, '0')}:00.000Z`);
    const response = await client.delete(`/api/v1${path}`);
    expect(response.statusCode, response.body).toBe(204);
    return response.headers.etag as string;
  };
  const list = async (query = '', client = admin) => {
    const response = await client.get(`/api/v1/orgs/${org.id}/archive${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ArchivePage>();
  };
  return { app, deps, clock, org, owner, cycle, admin, archive, list };
}

async function activity(db: Awaited<ReturnType<typeof testServer>>['deps']['db'], orgId: string, keyResultId: string) {
  const [row] = await db.insert(activities).values({ orgId, keyResultId, title: 'Boka lokal' }).returning();
  if (!row) throw new Error('no activity');
  return row;
}

describe('archive API', () => {
  it('lists every archived kind of the organisation, newest first, with what it belongs to and who archived it', async () => {
    const { deps, org, owner, cycle, archive, list } = await orgWithAdmin();
    const division = await createUnit(deps.db, org.id, { name: 'Leverans' });
    const team = await createUnit(deps.db, org.id, { name: 'Team Syd', parentId: division.id });
    const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind' });
    const teamObjective = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: team.id },
      { title: 'Snabbare leveranser' },
    );
    const personal = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'person', personId: sara.id },
      { title: 'Lära mig SQL' },
    );
    const keyResult = await createKeyResult(deps.db, org.id, teamObjective.id, { title: 'Ledtid under 2 dagar' });
    const task = await activity(deps.db, org.id, keyResult.id);
    const live = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' }, { title: 'Lever' });
    // Another organisation's archived objective never shows.
    const { org: other } = await createOrg(deps.db);
    const otherCycle = await createCycle(deps.db, other.id);
    await createObjective(
      deps.db,
      other.id,
      otherCycle.id,
      { level: 'organization' },
      { archivedAt: new Date('2026-05-15T11:00:00Z') },
    );

    await archive(`/activities/${task.id}`, 1);
    await archive(`/key-results/${keyResult.id}`, 2);
    await archive(`/objectives/${personal.id}`, 3);
    await archive(`/units/${division.id}`, 4);

    const page = await list();
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => [i.kind, i.title])).toEqual([
      // The team was archived with its division: it is restored with it, not listed alone.
      ['unit', 'Leverans'],
      ['objective', 'Lära mig SQL'],
      ['keyResult', 'Ledtid under 2 dagar'],
      ['activity', 'Boka lokal'],
    ]);
    expect(page.items.map((i) => i.id)).not.toContain(live.id);
    const [unit, objective, kr, act] = page.items as [Item, Item, Item, Item];
    expect(unit).toMatchObject({ unit: null, unitsBeneath: 1, blockedBy: null, version: 2 });
    expect(unit.archivedAt).toBe('2026-05-15T10:04:00.000000Z');
    expect(objective).toMatchObject({
      person: { id: sara.id, name: 'Sara Lind' },
      unit: null,
      objective: null,
      unitsBeneath: 0,
      archivedBy: { id: owner.id, name: owner.name },
    });
    expect(kr).toMatchObject({ objective: { id: teamObjective.id, title: 'Snabbare leveranser' }, blockedBy: null });
    // The activity's key result was archived after it: restore the key result first.
    expect(act).toMatchObject({
      keyResult: { id: keyResult.id, title: 'Ledtid under 2 dagar' },
      objective: { id: teamObjective.id },
      blockedBy: { kind: 'keyResult', id: keyResult.id, title: 'Ledtid under 2 dagar' },
    });
  });

  it('pages through the archive without gaps or repeats, and filters by kind', async () => {
    const { deps, org, cycle, archive, list, admin } = await orgWithAdmin();
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const archived: string[] = [];
    for (let i = 0; i < 5; i++) {
      const kr = await createKeyResult(deps.db, org.id, objective.id);
      // Two in the same moment: the id breaks the tie.
      await archive(`/key-results/${kr.id}`, i < 2 ? 10 : 10 + i);
      archived.push(kr.id);
    }
    const unit = await createUnit(deps.db, org.id);
    await archive(`/units/${unit.id}`, 20);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ArchivePage = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(6);
    expect(new Set(seen)).toEqual(new Set([...archived, unit.id]));
    expect(seen[0]).toBe(unit.id);

    const onlyKeyResults = await list('?kind=keyResult&limit=10');
    expect(onlyKeyResults.items.map((i) => i.kind)).toEqual(Array(5).fill('keyResult'));
    expect((await list('?kind=activity')).items).toEqual([]);

    const badKind = await admin.get(`/api/v1/orgs/${org.id}/archive?kind=comment`);
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors[0].field).toBe('/querystring/kind');
    const badCursor = await admin.get(`/api/v1/orgs/${org.id}/archive?cursor=nonsense`);
    expect(badCursor.statusCode).toBe(422);
    expect(badCursor.json().errors[0].field).toBe('/query/cursor');
  });

  it('is for admins only, and another organisation’s archive is not found', async () => {
    const { app, deps, org } = await orgWithAdmin();
    for (const role of ['member', 'viewer'] as const) {
      const person = await createMember(deps.db, org.id, role);
      const client = await ApiClient.signIn(app, person.email);
      expect((await client.get(`/api/v1/orgs/${org.id}/archive`)).statusCode).toBe(403);
    }
    const { owner: stranger } = await createOrg(deps.db);
    const foreign = await ApiClient.signIn(app, stranger.email);
    expect((await foreign.get(`/api/v1/orgs/${org.id}/archive`)).statusCode).toBe(404);
  });

  it('restores from the archive with the listed version, audits it, and refuses a stale or missing If-Match', async () => {
    const { deps, org, owner, cycle, admin, archive, list } = await orgWithAdmin();
    const objective = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      { title: 'Tillbaka' },
    );
    await archive(`/objectives/${objective.id}`, 30);
    const [item] = (await list()).items;
    expect(item).toMatchObject({ id: objective.id, version: 2 });

    const url = `/api/v1/objectives/${objective.id}/restore`;
    expect((await admin.post(url)).statusCode).toBe(428);
    const stale = await admin.post(url, undefined, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await list()).items).toHaveLength(1);

    const restored = await admin.post(url, undefined, { headers: { 'if-match': `"${item?.version}"` } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: objective.id, title: 'Tillbaka' });
    expect(restored.headers.etag).toBe('"3"');
    expect((await list()).items).toEqual([]);
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives?cycleId=${cycle.id}`)).json().items).toHaveLength(1);
    const audited = await deps.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.entityId, objective.id)))
      // In the order they happened: without it PostgreSQL may return them either way.
      .orderBy(asc(auditEvents.id));
    expect(audited).toEqual([
      { action: 'objective.archive', actorId: owner.id },
      { action: 'objective.restore', actorId: owner.id },
    ]);
  });

  it('refuses to restore a key result or an activity under an archived parent, naming what to restore first', async () => {
    const { app, deps, org, cycle, admin, archive, list } = await orgWithAdmin();
    // Messages come in the account's language.
    const swede = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'admin', { locale: 'sv' })).email);
    const objective = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      { title: 'Nöjdare kunder' },
    );
    const kr = await createKeyResult(deps.db, org.id, objective.id, { title: 'NPS 45' });
    const task = await activity(deps.db, org.id, kr.id);
    await archive(`/activities/${task.id}`, 40);
    await archive(`/key-results/${kr.id}`, 41);
    await archive(`/objectives/${objective.id}`, 42);
    const items = (await list()).items;
    expect(items.map((i) => [i.kind, i.blockedBy?.kind ?? null])).toEqual([
      ['objective', null],
      ['keyResult', 'objective'],
      // Both are archived: the objective comes first.
      ['activity', 'objective'],
    ]);

    const restore = (path: string, version: number, client = swede) =>
      client.post(`/api/v1${path}/restore`, undefined, { headers: { 'if-match': `"${version}"` } });
    const early = await restore(`/key-results/${kr.id}`, 2);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'objective_archived',
      title: 'Målet det hör till, ”Nöjdare kunder”, är arkiverat; återställ målet först',
    });
    const inEnglish = await restore(`/key-results/${kr.id}`, 2, admin);
    expect(inEnglish.json().title).toBe(
      'The objective it belongs to, “Nöjdare kunder”, is archived; restore the objective first',
    );
    expect((await restore(`/activities/${task.id}`, 2)).json().code).toBe('objective_archived');
    // Nothing was half restored.
    const [stillArchived] = await deps.db.select().from(keyResults).where(eq(keyResults.id, kr.id));
    expect(stillArchived?.archivedAt).not.toBeNull();
    expect(stillArchived?.version).toBe(2);

    expect((await restore(`/objectives/${objective.id}`, 2)).statusCode).toBe(200);
    const activityFirst = await restore(`/activities/${task.id}`, 2);
    expect(activityFirst.statusCode).toBe(409);
    expect(activityFirst.json()).toMatchObject({ code: 'key_result_archived' });
    expect(activityFirst.json().title).toContain('NPS 45');
    expect((await restore(`/key-results/${kr.id}`, 2)).statusCode).toBe(200);
    const restored = await restore(`/activities/${task.id}`, 2);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: task.id, title: 'Boka lokal', version: 3 });
    expect((await list()).items).toEqual([]);
  });

  it('lets whoever archived an objective undo it with the ETag of the archiving, and nobody who may not archive it', async () => {
    const { app, deps, org, cycle, archive } = await orgWithAdmin();
    const team = await createUnit(deps.db, org.id);
    const lead = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, team.id, lead.id, 'lead');
    const bystander = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'member')).email);
    const leadClient = await ApiClient.signIn(app, lead.email);
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: team.id });

    const etag = await archive(`/objectives/${objective.id}`, 50, leadClient);
    expect(etag).toBe('"2"');
    const url = `/api/v1/objectives/${objective.id}/restore`;
    expect((await bystander.post(url, undefined, { headers: { 'if-match': etag } })).statusCode).toBe(403);
    const undone = await leadClient.post(url, undefined, { headers: { 'if-match': etag } });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().abilities['objective.archive']).toBe(true);
    // The lead may not see the organisation's archive.
    expect((await leadClient.get(`/api/v1/orgs/${org.id}/archive`)).statusCode).toBe(403);
  });
});
