// Strategy themes: kept by admins, read by every member with the organisation, served by
// objectives of any level, counted per theme on the dashboard and as alignment in health.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { alignments, objectiveThemes } from '../../db/schema.ts';

async function organisation() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-10-01', endsOn: '2026-12-31' });
  const admin = await ApiClient.signIn(app, owner.email);
  const member = await createMember(deps.db, org.id, 'member');
  const asMember = await ApiClient.signIn(app, member.email);
  return { app, deps, org, cycle, admin, member, asMember };
}

const themeBody = (name: string, description = '') => ({ name, description });

async function addTheme(client: ApiClient, orgId: string, name: string) {
  const response = await client.post(`/api/v1/orgs/${orgId}/themes`, themeBody(name));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; name: string; position: number; version: number }>();
}

describe('strategy themes', () => {
  it('are added in order by admins, shown with the organisation to members, renamed under If-Match and removed', async () => {
    const { org, admin, asMember } = await organisation();
    const service = await addTheme(admin, org.id, '  Belysning som tjänst ');
    const close = await addTheme(admin, org.id, 'Nära kunden');
    expect(service).toMatchObject({ name: 'Belysning som tjänst', position: 0, version: 1 });
    expect(close.position).toBe(1);

    const shown = (await asMember.get(`/api/v1/orgs/${org.id}`)).json();
    expect(shown.themes.map((t: { name: string }) => t.name)).toEqual(['Belysning som tjänst', 'Nära kunden']);
    expect((await asMember.get(`/api/v1/orgs/${org.id}/themes`)).json()).toHaveLength(2);

    // Moved to the top, the list follows.
    const moved = await admin.patch(`/api/v1/themes/${close.id}`, { position: 0 }, { headers: { 'if-match': '"1"' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const stale = await admin.patch(`/api/v1/themes/${close.id}`, { name: 'X' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    expect((await asMember.get(`/api/v1/orgs/${org.id}/themes`)).json().map((t: { name: string }) => t.name)).toEqual([
      'Nära kunden',
      'Belysning som tjänst',
    ]);

    const removed = await admin.delete(`/api/v1/themes/${service.id}`, { headers: { 'if-match': '"1"' } });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await asMember.get(`/api/v1/orgs/${org.id}/themes`)).json()).toHaveLength(1);
  });

  it('refuses members, blank and taken names, too many themes and another organisation’s callers', async () => {
    const { app, deps, org, admin, asMember } = await organisation();
    expect((await asMember.post(`/api/v1/orgs/${org.id}/themes`, themeBody('Mitt tema'))).statusCode).toBe(403);

    const blank = await admin.post(`/api/v1/orgs/${org.id}/themes`, themeBody('   '));
    expect(blank.statusCode).toBe(422);
    expect(blank.json().errors[0]).toMatchObject({ field: '/body/name' });

    const first = await addTheme(admin, org.id, 'Nära kunden');
    const taken = await admin.post(`/api/v1/orgs/${org.id}/themes`, themeBody('nära KUNDEN'));
    expect(taken.statusCode).toBe(422);
    expect(taken.json().errors[0]).toMatchObject({ field: '/body/name', code: 'theme_name_taken' });

    for (let i = 1; i < 12; i++) await addTheme(admin, org.id, `Tema ${i}`);
    const tooMany = await admin.post(`/api/v1/orgs/${org.id}/themes`, themeBody('Tema 13'));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors[0]).toMatchObject({ code: 'too_many_themes' });

    const other = await createOrg(deps.db);
    const outsider = await ApiClient.signIn(app, other.owner.email);
    expect((await outsider.get(`/api/v1/orgs/${org.id}/themes`)).statusCode).toBe(404);
    const foreign = await outsider.patch(
      `/api/v1/themes/${first.id}`,
      { name: 'X' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(foreign.statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/v1/themes/not-a-uuid`, { name: 'X' }, { headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(400);
  });

  it('are served by objectives of any level: listed by theme, kept in order, carried over, refused from another organisation', async () => {
    const { app, deps, org, cycle, admin, member, asMember } = await organisation();
    const service = await addTheme(admin, org.id, 'Belysning som tjänst');
    const close = await addTheme(admin, org.id, 'Nära kunden');
    const created = await asMember.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'person',
      personId: member.id,
      title: 'Fler kunder på månadsavtal i min region',
      themeIds: [close.id, service.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    // In the organisation's order of themes, not the order given.
    expect(view.themeIds).toEqual([service.id, close.id]);

    const byTheme = await asMember.get(`/api/v1/orgs/${org.id}/objectives?themeId=${close.id}`);
    expect(byTheme.json().items.map((o: { id: string }) => o.id)).toEqual([view.id]);

    const changed = await asMember.patch(
      `/api/v1/objectives/${view.id}`,
      { themeIds: [close.id] },
      { headers: { 'if-match': `"${view.version}"` } },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().themeIds).toEqual([close.id]);
    // Another field alone keeps the themes.
    const retitled = await asMember.patch(
      `/api/v1/objectives/${view.id}`,
      { title: 'Fler kunder på månadsavtal i Västra Götaland' },
      { headers: { 'if-match': `"${changed.json().version}"` } },
    );
    expect(retitled.json().themeIds).toEqual([close.id]);

    const next = await createCycle(deps.db, org.id, { startsOn: '2027-01-01', endsOn: '2027-03-31' });
    const carried = await asMember.post(`/api/v1/objectives/${view.id}/carry-over`, { cycleId: next.id });
    expect(carried.statusCode, carried.body).toBe(201);
    expect(carried.json().themeIds).toEqual([close.id]);

    const other = await createOrg(deps.db);
    const outsider = await ApiClient.signIn(app, other.owner.email);
    const foreignTheme = await addTheme(outsider, other.org.id, 'Annat');
    const refused = await asMember.patch(
      `/api/v1/objectives/${view.id}`,
      { themeIds: [close.id, foreignTheme.id] },
      { headers: { 'if-match': `"${retitled.json().version}"` } },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: '/body/themeIds/1', code: 'unknown_reference' });
    // Nothing half-written: the objective still serves the one theme.
    const rows = await deps.db.select().from(objectiveThemes).where(eq(objectiveThemes.objectiveId, view.id));
    expect(rows.map((r) => r.themeId)).toEqual([close.id]);

    // Removing the theme removes it from the objectives that served it.
    await admin.delete(`/api/v1/themes/${close.id}`, { headers: { 'if-match': '"1"' } });
    expect((await asMember.get(`/api/v1/objectives/${view.id}`)).json().themeIds).toEqual([]);
  });

  it('give the dashboard progress per theme and count a team aligned to a theme in alignment health', async () => {
    const { deps, org, cycle, admin } = await organisation();
    const service = await addTheme(admin, org.id, 'Belysning som tjänst');
    const close = await addTheme(admin, org.id, 'Nära kunden');
    const unit = await createUnit(deps.db, org.id, { name: 'Försäljning' });
    // No organisation objective this cycle: one team objective serves a theme, one nothing.
    const served = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, served.id, { targetValue: 100, currentValue: 40 });
    const loose = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, loose.id, { targetValue: 100, currentValue: 90 });
    const view = (await admin.get(`/api/v1/objectives/${served.id}`)).json();
    await admin.patch(
      `/api/v1/objectives/${served.id}`,
      { themeIds: [service.id] },
      { headers: { 'if-match': `"${view.version}"` } },
    );

    const empty = (await admin.get(`/api/v1/orgs/${org.id}/dashboard?cycleId=${cycle.id}`)).json();
    expect(empty.themes).toEqual([
      expect.objectContaining({ id: service.id, name: 'Belysning som tjänst', total: 1, averageProgress: 0.4 }),
      expect.objectContaining({ id: close.id, name: 'Nära kunden', total: 0, averageProgress: null }),
    ]);
    expect(empty.alignment).toMatchObject({ unitObjectives: 2, supportingOrganization: 0, servingThemeOnly: 1 });
    const health = (await admin.get(`/api/v1/orgs/${org.id}/alignment-health?cycleId=${cycle.id}`)).json();
    expect(health.unitObjectives).toMatchObject({ total: 2, supportingOrganization: 0, servingThemeOnly: 1 });

    // The year's organisation objective serves a theme: the quarter's team objective that
    // supports it works toward that theme too, and counts under it.
    const year = await createCycle(deps.db, org.id, { startsOn: '2026-01-01', endsOn: '2026-12-31' });
    const agenda = await createObjective(deps.db, org.id, year.id);
    await deps.db.insert(objectiveThemes).values({ orgId: org.id, objectiveId: agenda.id, themeId: close.id });
    const supporter = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    await createKeyResult(deps.db, org.id, supporter.id, { targetValue: 100, currentValue: 20 });
    await deps.db.insert(alignments).values({ orgId: org.id, objectiveId: supporter.id, supportsId: agenda.id });
    const dashboard = (await admin.get(`/api/v1/orgs/${org.id}/dashboard?cycleId=${cycle.id}`)).json();
    expect(dashboard.themes).toEqual([
      expect.objectContaining({ id: service.id, total: 1, averageProgress: 0.4 }),
      expect.objectContaining({ id: close.id, total: 1, averageProgress: 0.2 }),
    ]);
  });
});
