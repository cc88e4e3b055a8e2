import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
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
import { alignments, auditEvents, checkIns, keyResults, objectives } from '../../db/schema.ts';

async function orgWithAdmin() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, clock, org, owner, cycle, admin };
}

describe('objectives API', () => {
  it('creates an objective with key results and lists it in the fixed shape', async () => {
    const { deps, org, cycle, admin, owner } = await orgWithAdmin();
    const created = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'Bli kundernas förstahandsval',
      keyResults: [
        { title: 'NPS från 20 till 45', metric: 'increase_to', start: 20, target: 45, ownerId: owner.id },
        { title: 'Churn ner till 5 %', metric: 'decrease_to', start: 12, target: 5, unit: '%' },
        { title: 'Ny kundportal lanserad', metric: 'milestone' },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');

    const list = await admin.get(`/api/v1/orgs/${org.id}/objectives?cycleId=${cycle.id}&level=organization`);
    expect(list.statusCode).toBe(200);
    const [objective] = list.json().items;
    expect(objective).toMatchObject({
      id: created.json().id,
      title: 'Bli kundernas förstahandsval',
      level: 'organization',
      ownerId: org.id,
      cycleId: cycle.id,
      kind: 'committed',
      progress: 0,
      supports: [],
    });
    expect(objective.status).toMatch(/on_track|at_risk|off_track/);
    expect(
      objective.keyResults.map(
        (kr: {
          title: string;
          metric: string;
          start: number;
          target: number;
          current: number;
          unit: string;
          progress: number;
          ownerId: string | null;
        }) => [kr.title, kr.metric, kr.start, kr.target, kr.current, kr.unit, kr.progress, kr.ownerId],
      ),
    ).toEqual([
      ['NPS från 20 till 45', 'increase_to', 20, 45, 20, '', 0, owner.id],
      ['Churn ner till 5 %', 'decrease_to', 12, 5, 12, '%', 0, null],
      ['Ny kundportal lanserad', 'milestone', 0, 1, 0, '', 0, null],
    ]);
    const audit = await deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, objective.id));
    expect(audit.map((a) => a.action)).toEqual(['objective.create']);
  });

  it('moves current value and progress with a check-in', async () => {
    const { deps, clock, org, cycle, admin } = await orgWithAdmin();
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const kr = await createKeyResult(deps.db, org.id, objective.id, { startValue: 0, targetValue: 300 });
    await createKeyResult(deps.db, org.id, objective.id, { startValue: 0, targetValue: 10, weight: 0 });
    clock.set('2026-05-15T12:00:00Z');

    const response = await admin.post(`/api/v1/key-results/${kr.id}/check-ins`, {
      value: 150,
      confidence: 7,
      note: 'Halvvägs',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      value: 150,
      confidence: 7,
      note: 'Halvvägs',
      keyResultId: kr.id,
      keyResult: { current: 150, progress: 0.5, confidence: 7 },
    });

    const objectiveAfter = (await admin.get(`/api/v1/objectives/${objective.id}`)).json();
    // The second key result weighs nothing, so the objective is where the first one is.
    expect(objectiveAfter.progress).toBe(0.5);
    expect(objectiveAfter.keyResults[0]).toMatchObject({
      current: 150,
      progress: 0.5,
      lastCheckInAt: '2026-05-15T12:00:00.000Z',
    });

    const history = (await admin.get(`/api/v1/key-results/${kr.id}/check-ins`)).json();
    expect(history.items).toHaveLength(1);
    const [stored] = await deps.db.select().from(keyResults).where(eq(keyResults.id, kr.id));
    expect(stored?.currentValue).toBe(150);
  });

  it('refuses a check-in with a confidence out of range, naming the field, and writes nothing', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const kr = await createKeyResult(deps.db, org.id, objective.id);
    const response = await admin.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 10, confidence: 11 });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toEqual([expect.objectContaining({ field: '/body/confidence', code: 'maximum' })]);
    expect(await deps.db.select().from(checkIns).where(eq(checkIns.keyResultId, kr.id))).toHaveLength(0);
  });

  it('links supports across teams and refuses a loop with 422', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const top = await createObjective(deps.db, org.id, cycle.id);
    const unitA = await createUnit(deps.db, org.id);
    const unitB = await createUnit(deps.db, org.id);
    const a = (
      await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
        cycleId: cycle.id,
        level: 'unit',
        unitId: unitA.id,
        title: 'A',
        supports: [top.id],
      })
    ).json();
    const b = (
      await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
        cycleId: cycle.id,
        level: 'unit',
        unitId: unitB.id,
        title: 'B',
        supports: [a.id, top.id],
      })
    ).json();
    expect(b.supports.sort()).toEqual([a.id, top.id].sort());

    const topView = (await admin.get(`/api/v1/objectives/${top.id}`)).json();
    expect(topView.supportedBy.count).toBe(2);

    // top -> b would close top <- a <- b <- top.
    const loop = await admin.patch(
      `/api/v1/objectives/${top.id}`,
      { supports: [b.id] },
      { headers: { 'if-match': topView.version ? `"${topView.version}"` : '"1"' } },
    );
    expect(loop.statusCode).toBe(422);
    expect(loop.json()).toMatchObject({ code: 'alignment_loop', errors: [{ field: '/body/supports/0' }] });
    expect(await deps.db.select().from(alignments).where(eq(alignments.objectiveId, top.id))).toHaveLength(0);
    const self = await admin.patch(
      `/api/v1/objectives/${a.id}`,
      { supports: [a.id] },
      { headers: { 'if-match': '"1"' } },
    );
    expect(self.statusCode).toBe(422);
  });

  it('names what an objective supports as the reader may read it: title, level, owner and progress', async () => {
    const { app, deps, org, cycle, admin } = await orgWithAdmin();
    const top = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' }, { progress: 0.4 });
    const other = await createMember(deps.db, org.id, 'member', { name: 'Sara Berg' });
    const secret = await createPrivateObjective(deps.db, org.id, cycle.id, other.id);
    const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
    const created = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'unit',
      unitId: unit.id,
      title: 'Fler deltagare på interna event',
      supports: [top.id, secret.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const child = created.json();
    const named = (id: string, title: string, level: string, ownerName: string, progress: number) => ({
      id,
      title,
      level,
      ownerName,
      progress,
    });
    const orgName = (await admin.get(`/api/v1/orgs/${org.id}`)).json().name;
    const asTop = named(top.id, top.title, 'organization', orgName, 0.4);
    const asSecret = named(secret.id, secret.title, 'person', 'Sara Berg', 0);
    expect(child.supportedObjectives).toEqual(expect.arrayContaining([asTop, asSecret]));
    expect(child.supportedObjectives).toHaveLength(2);

    // A member reads the team's objective and the organisation's, not Sara's private one.
    const member = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'member')).email);
    const view = (await member.get(`/api/v1/objectives/${child.id}`)).json();
    expect(view.supportedObjectives).toEqual([asTop]);
    const listed = (await member.get(`/api/v1/orgs/${org.id}/objectives?unitId=${unit.id}`)).json();
    expect(listed.items.map((o: { supportedObjectives: unknown }) => o.supportedObjectives)).toEqual([[asTop]]);

    // An archived objective is no longer named.
    await deps.db.update(objectives).set({ archivedAt: new Date() }).where(eq(objectives.id, top.id));
    expect((await member.get(`/api/v1/objectives/${child.id}`)).json().supportedObjectives).toEqual([]);
  });

  it('lets a member manage their own objective, a unit lead their unit’s, and no one else', async () => {
    const { app, deps, org, cycle } = await orgWithAdmin();
    const unit = await createUnit(deps.db, org.id);
    const sub = await createUnit(deps.db, org.id, { parentId: unit.id });
    const other = await createUnit(deps.db, org.id);
    const lead = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
    const member = await createMember(deps.db, org.id, 'member');
    const viewer = await createMember(deps.db, org.id, 'viewer');
    const leadClient = await ApiClient.signIn(app, lead.email);
    const memberClient = await ApiClient.signIn(app, member.email);
    const viewerClient = await ApiClient.signIn(app, viewer.email);
    const body = (extra: object) => ({ cycleId: cycle.id, title: 'Mål', ...extra });

    expect(
      (await memberClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'person', personId: member.id })))
        .statusCode,
    ).toBe(201);
    expect(
      (await memberClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'person', personId: lead.id })))
        .statusCode,
    ).toBe(403);
    expect(
      (await memberClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'organization' }))).statusCode,
    ).toBe(403);
    expect(
      (await leadClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'unit', unitId: unit.id }))).statusCode,
    ).toBe(201);
    expect(
      (await leadClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'unit', unitId: sub.id }))).statusCode,
    ).toBe(201);
    expect(
      (await leadClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'unit', unitId: other.id })))
        .statusCode,
    ).toBe(403);
    expect(
      (await viewerClient.post(`/api/v1/orgs/${org.id}/objectives`, body({ level: 'person', personId: viewer.id })))
        .statusCode,
    ).toBe(403);

    const viewerList = (await viewerClient.get(`/api/v1/orgs/${org.id}/objectives`)).json();
    expect(viewerList.items).toHaveLength(3);
    expect(
      viewerList.items.every((o: { abilities: Record<string, boolean> }) => !o.abilities['objective.update']),
    ).toBe(true);
  });

  it('hides private and draft objectives from everyone but their owner and admins', async () => {
    const { app, deps, org, cycle, admin } = await orgWithAdmin();
    const person = await createMember(deps.db, org.id, 'member');
    const colleague = await createMember(deps.db, org.id, 'member');
    const own = await ApiClient.signIn(app, person.email);
    const other = await ApiClient.signIn(app, colleague.email);
    const priv = (
      await own.post(`/api/v1/orgs/${org.id}/objectives`, {
        cycleId: cycle.id,
        level: 'person',
        personId: person.id,
        title: 'Lära mig SQL',
        kind: 'development',
        visibility: 'private',
      })
    ).json();
    const draft = (
      await own.post(`/api/v1/orgs/${org.id}/objectives`, {
        cycleId: cycle.id,
        level: 'person',
        personId: person.id,
        title: 'Utkast',
        lifecycle: 'draft',
      })
    ).json();

    expect((await own.get(`/api/v1/orgs/${org.id}/objectives?personId=${person.id}`)).json().items).toHaveLength(2);
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives?personId=${person.id}`)).json().items).toHaveLength(2);
    expect((await other.get(`/api/v1/orgs/${org.id}/objectives?personId=${person.id}`)).json().items).toHaveLength(0);
    expect((await other.get(`/api/v1/objectives/${priv.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/objectives/${draft.id}`)).statusCode).toBe(404);
    const orgPrivate = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'X',
      visibility: 'private',
    });
    expect(orgPrivate.statusCode).toBe(422);
    expect(orgPrivate.json().errors[0].field).toBe('/body/visibility');
  });

  it('answers 404 for another organisation’s objectives and key results', async () => {
    const { deps, admin } = await orgWithAdmin();
    const { org: otherOrg } = await createOrg(deps.db);
    const otherCycle = await createCycle(deps.db, otherOrg.id);
    const foreign = await createObjective(deps.db, otherOrg.id, otherCycle.id);
    const foreignKr = await createKeyResult(deps.db, otherOrg.id, foreign.id);
    expect((await admin.get(`/api/v1/objectives/${foreign.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/orgs/${otherOrg.id}/objectives`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/v1/key-results/${foreignKr.id}/check-ins`, { value: 1, confidence: 5 })).statusCode,
    ).toBe(404);
    expect(
      (await admin.patch(`/api/v1/objectives/${foreign.id}`, { title: 'x' }, { headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses to link to another organisation’s objective or to an unknown cycle', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const { org: otherOrg } = await createOrg(deps.db);
    const foreign = await createObjective(deps.db, otherOrg.id, (await createCycle(deps.db, otherOrg.id)).id);
    const link = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'X',
      supports: [foreign.id],
    });
    expect(link.statusCode).toBe(422);
    expect(link.json().errors[0].field).toBe('/body/supports/0');
    const badCycle = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: '00000000-0000-4000-8000-000000000000',
      level: 'organization',
      title: 'X',
    });
    expect(badCycle.statusCode).toBe(422);
    expect(badCycle.json().errors[0].field).toBe('/body/cycleId');
    expect(await deps.db.select().from(objectives).where(eq(objectives.orgId, org.id))).toHaveLength(0);
  });

  it('detects a concurrent edit with If-Match and archives without deleting', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const first = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { title: 'Ny titel' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const second = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { title: 'Annan titel' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(second.statusCode).toBe(412);
    expect((await admin.get(`/api/v1/objectives/${objective.id}`)).json().title).toBe('Ny titel');

    const archived = await admin.delete(`/api/v1/objectives/${objective.id}`);
    expect(archived.statusCode).toBe(204);
    expect(archived.headers.etag).toBe('"3"');
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives`)).json().items).toHaveLength(0);
    expect(await deps.db.select().from(objectives).where(eq(objectives.id, objective.id))).toHaveLength(1);
    const restore = { headers: { 'if-match': archived.headers.etag as string } };
    expect((await admin.post(`/api/v1/objectives/${objective.id}/restore`, undefined, restore)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives`)).json().items).toHaveLength(1);
  });

  it('pages through objectives without gaps or repeats', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await createObjective(deps.db, org.id, cycle.id)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/orgs/${org.id}/objectives?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await admin.get(query)).json() as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(ids);
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives?cursor=garbage`)).statusCode).toBe(422);
  });

  it('keeps key result owners, activities and a closed cycle in line with the policy', async () => {
    const { app, deps, org, admin } = await orgWithAdmin();
    const closed = await createCycle(deps.db, org.id, { status: 'closed' });
    const person = await createMember(deps.db, org.id, 'member');
    const own = await ApiClient.signIn(app, person.email);
    const objective = await createObjective(deps.db, org.id, closed.id, { level: 'person', personId: person.id });
    const kr = await createKeyResult(deps.db, org.id, objective.id, { ownerId: person.id });
    expect((await own.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 5, confidence: 5 })).statusCode).toBe(
      403,
    );
    expect((await admin.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 5, confidence: 5 })).statusCode).toBe(
      201,
    );

    const activity = await admin.post(`/api/v1/key-results/${kr.id}/activities`, {
      title: 'Skicka inbjudan',
      ownerId: person.id,
      dueOn: '2026-05-01',
    });
    expect(activity.statusCode).toBe(201);
    const done = await admin.patch(
      `/api/v1/activities/${activity.json().id}`,
      { status: 'done' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(done.json()).toMatchObject({ status: 'done', ownerId: person.id, dueOn: '2026-05-01' });
    const list = (await own.get(`/api/v1/key-results/${kr.id}/activities`)).json();
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(['Skicka inbjudan']);
    const badOwner = await admin.post(`/api/v1/key-results/${kr.id}/activities`, {
      title: 'X',
      ownerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badOwner.statusCode).toBe(422);
    expect(badOwner.json().errors[0]).toMatchObject({ field: '/body/ownerId', code: 'not_a_member' });
  });

  it('refuses a key result whose target points the wrong way, in the account’s language', async () => {
    const { app, deps, org, cycle } = await orgWithAdmin();
    const swede = await createMember(deps.db, org.id, 'admin', { locale: 'sv' });
    const admin = await ApiClient.signIn(app, swede.email);
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const response = await admin.post(`/api/v1/objectives/${objective.id}/key-results`, {
      title: 'Fler kunder',
      metric: 'increase_to',
      start: 10,
      target: 5,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0]).toMatchObject({ field: '/body/target', code: 'target_below_start' });
    expect(response.json().errors[0].message).toContain('startvärdet');
  });

  it('filters objectives by ids, by what they support and by title', async () => {
    const { deps, org, cycle, admin } = await orgWithAdmin();
    const top = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      { title: 'Nöjdare kunder' },
    );
    const unit = await createUnit(deps.db, org.id);
    const child = (
      await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
        cycleId: cycle.id,
        level: 'unit',
        unitId: unit.id,
        title: 'Snabbare support (50% av ärendena)',
        supports: [top.id],
      })
    ).json();
    const other = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      { title: 'Lönsam tillväxt' },
    );
    const titles = async (query: string) =>
      ((await admin.get(`/api/v1/orgs/${org.id}/objectives?${query}`)).json().items as { title: string }[])
        .map((o) => o.title)
        .sort();
    expect(await titles(`supportsId=${top.id}`)).toEqual([child.title]);
    expect(await titles(`ids=${top.id},${other.id}`)).toEqual(['Lönsam tillväxt', 'Nöjdare kunder']);
    expect(await titles('q=SUPPORT')).toEqual([child.title]);
    // LIKE wildcards are matched literally.
    expect(await titles('q=50%25')).toEqual([child.title]);
    expect(await titles('q=_')).toEqual([]);
    expect((await admin.get(`/api/v1/orgs/${org.id}/objectives?ids=not-an-id`)).statusCode).toBe(400);
  });

  it('lists the key results and activities a person owns, with check-ins due by the cadence', async () => {
    const { app, deps, clock, org, cycle } = await orgWithAdmin();
    const person = await createMember(deps.db, org.id, 'member');
    const client = await ApiClient.signIn(app, person.email);
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'person', personId: person.id });
    clock.set('2026-04-01T08:00:00Z');
    const fresh = await createKeyResult(deps.db, org.id, objective.id, {
      ownerId: person.id,
      createdAt: new Date('2026-04-01T08:00:00Z'),
    });
    const stale = await createKeyResult(deps.db, org.id, objective.id, {
      ownerId: person.id,
      createdAt: new Date('2026-04-01T08:01:00Z'),
    });
    await createKeyResult(deps.db, org.id, objective.id, { ownerId: null });
    clock.set('2026-04-06T08:00:00Z');
    await client.post(`/api/v1/key-results/${stale.id}/check-ins`, { value: 1, confidence: 8 });
    clock.set('2026-04-10T08:00:00Z');
    await client.post(`/api/v1/key-results/${fresh.id}/check-ins`, { value: 2, confidence: 8 });
    clock.set('2026-04-14T08:00:00Z');

    const mine = (
      await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${person.id}&cycleId=${cycle.id}`)
    ).json();
    expect(
      mine.items.map((kr: { id: string; due: boolean; objectiveTitle: string }) => [kr.id, kr.due, kr.objectiveTitle]),
    ).toEqual([
      [fresh.id, false, objective.title],
      [stale.id, true, objective.title],
    ]);
    // My week asks for active cycles only: a closed cycle's key result stays out.
    const closed = await createCycle(deps.db, org.id, { status: 'closed' });
    const old = await createObjective(deps.db, org.id, closed.id, { level: 'person', personId: person.id });
    await createKeyResult(deps.db, org.id, old.id, { ownerId: person.id });
    const ids = async (query: string) =>
      (await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${person.id}&${query}`))
        .json()
        .items.map((kr: { id: string }) => kr.id);
    expect(await ids('cycleStatus=active')).toEqual([fresh.id, stale.id]);
    expect(await ids('cycleStatus=closed')).toHaveLength(1);
    expect((await client.get(`/api/v1/orgs/${org.id}/key-results?cycleStatus=over`)).statusCode).toBe(400);
    // `me` names the caller: the page asks before it knows who is signed in. Anything else
    // that is not an id is refused, naming the parameter.
    const own = await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=me&cycleStatus=active`);
    expect(own.json().items.map((kr: { id: string }) => kr.id)).toEqual([fresh.id, stale.id]);
    // The navigation's count of them: the one due.
    const dueCount = await client.get(`/api/v1/orgs/${org.id}/key-results/due-count`);
    expect(dueCount.statusCode, dueCount.body).toBe(200);
    expect(dueCount.json()).toEqual({ count: 1 });
    const admins = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'admin')).email);
    expect((await admins.get(`/api/v1/orgs/${org.id}/key-results?ownerId=me`)).json().items).toEqual([]);
    const refused = await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=you`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('ownerId');

    // An active cycle that has not started: nothing falls due in it, however old the key result,
    // and each key result names its cycle.
    const later = await createCycle(deps.db, org.id, {
      name: 'Sprint 2',
      status: 'active',
      startsOn: '2026-04-20',
      endsOn: '2026-06-30',
    });
    const planned = await createObjective(deps.db, org.id, later.id, { level: 'person', personId: person.id });
    const early = await createKeyResult(deps.db, org.id, planned.id, {
      ownerId: person.id,
      createdAt: new Date('2026-03-01T08:00:00Z'),
    });
    const laterResponse = await client.get(
      `/api/v1/orgs/${org.id}/key-results?ownerId=${person.id}&cycleId=${later.id}`,
    );
    expect(laterResponse.statusCode, laterResponse.body).toBe(200);
    const laterItems = laterResponse.json().items;
    expect(laterItems).toEqual([
      expect.objectContaining({ id: early.id, due: false, cycleName: 'Sprint 2', cycleStartsOn: '2026-04-20' }),
    ]);
    clock.set('2026-04-28T08:00:00Z');
    const started = (
      await client.get(`/api/v1/orgs/${org.id}/key-results?ownerId=${person.id}&cycleId=${later.id}`)
    ).json().items;
    expect(started).toEqual([expect.objectContaining({ id: early.id, due: true })]);
    clock.set('2026-04-14T08:00:00Z');

    await client.post(`/api/v1/key-results/${stale.id}/activities`, {
      title: 'Ring kunderna',
      ownerId: person.id,
      dueOn: '2026-04-20',
    });
    await client.post(`/api/v1/key-results/${stale.id}/activities`, {
      title: 'Skriv utskick',
      ownerId: person.id,
      dueOn: '2026-04-16',
    });
    await client.post(`/api/v1/key-results/${stale.id}/activities`, { title: 'Någon annans' });
    const activities = (await client.get(`/api/v1/orgs/${org.id}/activities?ownerId=${person.id}`)).json();
    expect(activities.items.map((a: { title: string; keyResultTitle: string }) => [a.title, a.keyResultTitle])).toEqual(
      [
        ['Skriv utskick', stale.title],
        ['Ring kunderna', stale.title],
      ],
    );
  });

  it('pages the organisation’s activities by due date, by status, of the objectives the caller may read', async () => {
    const { app, deps, org, cycle, admin } = await orgWithAdmin();
    const person = await createMember(deps.db, org.id, 'member');
    const someone = await createMember(deps.db, org.id, 'member');
    const client = await ApiClient.signIn(app, person.email);
    const other = await ApiClient.signIn(app, someone.email);
    const open = await createObjective(deps.db, org.id, cycle.id, { level: 'person', personId: person.id });
    const hidden = await createPrivateObjective(deps.db, org.id, cycle.id, person.id);
    const kr = await createKeyResult(deps.db, org.id, open.id, { ownerId: person.id });
    const privateKr = await createKeyResult(deps.db, org.id, hidden.id, { ownerId: person.id });
    const add = async (keyResultId: string, title: string, dueOn?: string) => {
      const response = await client.post(`/api/v1/key-results/${keyResultId}/activities`, {
        title,
        ownerId: person.id,
        ...(dueOn ? { dueOn } : {}),
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string; version: number };
    };
    await add(kr.id, 'Utan datum');
    const first = await add(kr.id, 'Först', '2026-04-10');
    await add(kr.id, 'Sedan', '2026-04-20');
    await add(privateKr.id, 'Hemlig', '2026-04-15');
    const patched = await client.patch(
      `/api/v1/activities/${first.id}`,
      { status: 'done' },
      { headers: { 'if-match': `"${first.version}"` } },
    );
    expect(patched.statusCode, patched.body).toBe(200);

    // A page at a time, by due date, the undated last: each page names the next.
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/orgs/${org.id}/activities?ownerId=${person.id}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await client.get(url)).json() as { items: { title: string }[]; nextCursor: string | null };
      titles.push(...page.items.map((a) => a.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['Först', 'Hemlig', 'Sedan', 'Utan datum']);

    const list = async (who: ApiClient, query: string) =>
      ((await who.get(`/api/v1/orgs/${org.id}/activities?${query}`)).json().items as { title: string }[]).map(
        (a) => a.title,
      );
    expect(await list(client, `ownerId=${person.id}&status=done`)).toEqual(['Först']);
    expect(await list(client, `ownerId=${person.id}&status=todo`)).toEqual(['Hemlig', 'Sedan', 'Utan datum']);
    // Someone else reads the activities of the open objective only; an admin, all of them.
    expect(await list(other, `ownerId=${person.id}`)).toEqual(['Först', 'Sedan', 'Utan datum']);
    expect(await list(admin, `ownerId=${person.id}`)).toEqual(['Först', 'Hemlig', 'Sedan', 'Utan datum']);
    // Whether each may change them: the owner may, someone else may not.
    const abilities = async (who: ApiClient) =>
      (
        (await who.get(`/api/v1/orgs/${org.id}/activities?ownerId=${person.id}`)).json().items as {
          abilities: { 'activity.manage': boolean };
        }[]
      ).map((a) => a.abilities['activity.manage']);
    expect(await abilities(client)).toEqual([true, true, true, true]);
    expect(await abilities(other)).toEqual([false, false, false]);
    const nonsense = await client.get(`/api/v1/orgs/${org.id}/activities?cursor=nonsense`);
    expect(nonsense.statusCode).toBe(422);
    expect(nonsense.body).toContain('cursor');
  });
});
