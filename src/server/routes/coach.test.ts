import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { forgetCycles, forgetOkrAnswers } from '../../app/caches.ts';
import { RULE_IDS } from '../../core/coach/rule-ids.ts';
import type { Queryable } from '../../db/connect.ts';
import { activities, alignments, auditEvents, cycles, keyResults, objectives } from '../../db/schema.ts';
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

interface AdviceItem {
  ruleId: string;
  severity: 'hint' | 'warning';
  target: { type: string; id: string; name: string };
  objectiveId: string | null;
  title: string;
  why: string;
  todo: string;
}
interface CoachAnswer {
  cycleClosed: boolean;
  items: AdviceItem[];
  total?: number;
  rules: { id: string; severity: string; enabled: boolean }[];
}

/** An organisation with vision and strategy, a cycle (the test clock is halfway through it) and its owner signed in. */
async function orgWithOwner() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db, { vision: 'Ett hållbart Norden', strategy: 'Nära kunderna' });
  const cycle = await createCycle(deps.db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, org, owner, cycle, admin };
}

/** An objective with measurable, owned key results that each have an activity. */
async function objectiveWithKeyResults(
  db: Queryable,
  orgId: string,
  cycleId: string,
  owner: ObjectiveOwner,
  ownerId: string,
  overrides: Partial<typeof objectives.$inferInsert> = {},
  titles = ['40 nya kunder i Norden', 'NPS från 30 till 45', 'Churn ner till 5 %'],
) {
  const objective = await createObjective(db, orgId, cycleId, owner, overrides);
  const krs = [];
  for (const title of titles) {
    const kr = await createKeyResult(db, orgId, objective.id, { title, ownerId, unit: 'st', targetValue: 45 });
    await db.insert(activities).values({ orgId, keyResultId: kr.id, title: 'Planera' });
    krs.push(kr);
  }
  return { objective, krs };
}

/** The marketing team of DESIGN.md's worked example, with its objective and key results. */
async function marketingTeam(db: Queryable, orgId: string, cycleId: string, ownerId: string) {
  const unit = await createUnit(db, orgId, { name: 'Marknad', vision: 'Alla känner oss', mission: 'Möten' });
  const team = await objectiveWithKeyResults(
    db,
    orgId,
    cycleId,
    { level: 'unit', unitId: unit.id },
    ownerId,
    { title: 'Göra våra egna event till den bästa platsen att möta oss' },
    ['300 deltagare på interna event', 'Öka andelen som bokar möte från 8 % till 15 %', '160 leads från webben'],
  );
  return { unit, ...team };
}

const coachUrl = (orgId: string, query: Record<string, string>) =>
  `/api/v1/orgs/${orgId}/coach?${new URLSearchParams(query)}`;

async function adviceOf(client: ApiClient, orgId: string, query: Record<string, string>): Promise<CoachAnswer> {
  const response = await client.get(coachUrl(orgId, query));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CoachAnswer>();
}

describe('coach API', () => {
  it('gives advice on a seeded mistake, in the fixed shape, and none once it is fixed', async () => {
    const { deps, org, owner, cycle, admin } = await orgWithOwner();
    const unit = await createUnit(deps.db, org.id, { name: 'Marknad', vision: 'Alla känner oss', mission: 'Möten' });
    const { objective, krs } = await objectiveWithKeyResults(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      owner.id,
      { title: 'Göra våra event till den bästa mötesplatsen' },
    );
    const orphan = await createKeyResult(deps.db, org.id, objective.id, {
      title: '300 deltagare på interna event',
      ownerId: null,
      targetValue: 300,
    });
    await deps.db.insert(activities).values({ orgId: org.id, keyResultId: orphan.id, title: 'Boka lokal' });

    const before = await adviceOf(admin, org.id, { cycleId: cycle.id });
    expect(before.items.filter((a) => a.ruleId === 'key-result.no-owner')).toEqual([
      {
        ruleId: 'key-result.no-owner',
        severity: 'warning',
        target: { type: 'keyResult', id: orphan.id, name: '300 deltagare på interna event' },
        objectiveId: objective.id,
        title: '“300 deltagare på interna event” has no owner',
        why: expect.stringContaining('belongs to no one'),
        todo: expect.stringContaining('Choose one person'),
      },
    ]);
    expect(before.rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    expect(before.rules.every((r) => r.enabled)).toBe(true);
    // Warnings come before hints.
    const severities = before.items.map((a) => a.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'warning' ? -1 : 1)));
    // Four key results is within the range, so the count is no matter here.
    expect(before.items.some((a) => a.objectiveId === objective.id && a.ruleId === 'focus.key-result-count')).toBe(
      false,
    );

    const fixed = await admin.patch(
      `/api/v1/key-results/${orphan.id}`,
      { ownerId: owner.id },
      { headers: { 'if-match': '"1"' } },
    );
    expect(fixed.statusCode).toBe(200);
    const after = await adviceOf(admin, org.id, { cycleId: cycle.id });
    expect(after.items.filter((a) => a.ruleId === 'key-result.no-owner')).toEqual([]);
    expect(krs).toHaveLength(3);
  });

  it('is quiet about a closed cycle, and says so', async () => {
    const { deps, org, cycle, admin } = await orgWithOwner();
    const orphan = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    await createKeyResult(deps.db, org.id, orphan.id, { ownerId: null });
    const open = await adviceOf(admin, org.id, { cycleId: cycle.id });
    expect(open.cycleClosed).toBe(false);
    expect(open.items.length).toBeGreaterThan(0);
    await deps.db.update(cycles).set({ status: 'closed' }).where(eq(cycles.id, cycle.id));
    // Written past the server, which would clear its cycles and the coach's reviews itself.
    forgetCycles(deps);
    forgetOkrAnswers(deps);
    const closed = await adviceOf(admin, org.id, { cycleId: cycle.id });
    expect(closed).toMatchObject({ cycleClosed: true, items: [] });
  });

  it('flags a team objective that restates the organisation’s key result until it is rewritten', async () => {
    const { deps, org, owner, cycle, admin } = await orgWithOwner();
    const unit = await createUnit(deps.db, org.id, { name: 'Sälj', vision: 'v', mission: 'm' });
    const { objective: top } = await objectiveWithKeyResults(
      deps.db,
      org.id,
      cycle.id,
      { level: 'organization' },
      owner.id,
      { title: 'Bli kundernas förstahandsval' },
      ['Increase NPS from 30 to 45', '40 new customers in the Nordics', 'Churn down to 5 %'],
    );
    const { objective: copy } = await objectiveWithKeyResults(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      owner.id,
      { title: 'Increase NPS to 45' },
    );
    await deps.db.insert(alignments).values({ orgId: org.id, objectiveId: copy.id, supportsId: top.id });

    const flagged = await adviceOf(admin, org.id, { cycleId: cycle.id, ruleId: 'alignment.waterfall' });
    expect(flagged.items).toEqual([
      expect.objectContaining({
        ruleId: 'alignment.waterfall',
        target: { type: 'objective', id: copy.id, name: 'Increase NPS to 45' },
        title: '“Increase NPS to 45” restates the key result “Increase NPS from 30 to 45”',
      }),
    ]);

    const rewritten = await admin.patch(
      `/api/v1/objectives/${copy.id}`,
      { title: 'Make every sales call one the customer remembers' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(rewritten.statusCode).toBe(200);
    expect((await adviceOf(admin, org.id, { cycleId: cycle.id, ruleId: 'alignment.waterfall' })).items).toEqual([]);
  });

  it('filters by rule and severity, and refuses unknown ones', async () => {
    const { deps, org, cycle, admin } = await orgWithOwner();
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    await createKeyResult(deps.db, org.id, objective.id, {
      title: 'Lansera appen',
      metric: 'milestone',
      targetValue: 1,
    });

    const all = await adviceOf(admin, org.id, { cycleId: cycle.id });
    const ruleIds = new Set(all.items.map((a) => a.ruleId));
    for (const id of ['key-result.no-owner', 'key-result.is-activity', 'focus.key-result-count']) {
      expect(ruleIds.has(id), id).toBe(true);
    }

    const owners = await adviceOf(admin, org.id, { cycleId: cycle.id, ruleId: 'key-result.no-owner' });
    expect(owners.items.length).toBeGreaterThan(0);
    expect(owners.items.every((a) => a.ruleId === 'key-result.no-owner')).toBe(true);
    const hints = await adviceOf(admin, org.id, { cycleId: cycle.id, severity: 'hint' });
    expect(hints.items.map((a) => a.ruleId)).toContain('key-result.is-activity');
    expect(hints.items.every((a) => a.severity === 'hint')).toBe(true);
    expect(hints.items).toHaveLength(all.items.filter((a) => a.severity === 'hint').length);
    const both = await adviceOf(admin, org.id, { cycleId: cycle.id, severity: 'hint', ruleId: 'key-result.no-owner' });
    expect(both.items).toEqual([]);

    for (const query of [
      { cycleId: cycle.id, ruleId: 'key-result.made-up' } as Record<string, string>,
      { cycleId: cycle.id, severity: 'loud' },
      { cycleId: 'not-a-uuid' },
      {},
    ]) {
      const refused = await admin.get(coachUrl(org.id, query));
      expect(refused.statusCode, JSON.stringify(query)).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('leaves out the rules an admin switched off in the organisation’s settings', async () => {
    const { app, deps, org, cycle, admin } = await orgWithOwner();
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    await createKeyResult(deps.db, org.id, objective.id, { title: '40 nya kunder', ownerId: null });
    expect(
      (await adviceOf(admin, org.id, { cycleId: cycle.id })).items.some((a) => a.ruleId === 'key-result.no-owner'),
    ).toBe(true);

    const current = await admin.get(`/api/v1/orgs/${org.id}`);
    expect(current.json().settings.coach).toEqual({ disabledRules: [] });
    const settings = { coach: { disabledRules: ['key-result.no-owner', 'focus.key-result-count'] } };
    const patched = await admin.patch(
      `/api/v1/orgs/${org.id}`,
      { settings },
      { headers: { 'if-match': current.headers.etag as string } },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().settings).toMatchObject({ ...settings, focus: { objectivesMin: 3 } });

    const answer = await adviceOf(admin, org.id, { cycleId: cycle.id });
    expect(answer.items.filter((a) => settings.coach.disabledRules.includes(a.ruleId))).toEqual([]);
    expect(answer.rules.filter((r) => !r.enabled).map((r) => r.id)).toEqual([
      'focus.key-result-count',
      'key-result.no-owner',
    ]);
    const draft = await admin.post(`/api/v1/orgs/${org.id}/coach/check`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'Ett mål',
      keyResults: [{ title: '10 nya kunder', metric: 'increase_to', target: 10 }],
    });
    expect(draft.json<CoachAnswer>().items.map((a) => a.ruleId)).not.toContain('key-result.no-owner');

    // Only known rules, each once; and only admins change settings.
    for (const disabledRules of [['key-result.made-up'], ['key-result.no-owner', 'key-result.no-owner']]) {
      const refused = await admin.patch(
        `/api/v1/orgs/${org.id}`,
        { settings: { coach: { disabledRules } } },
        { headers: { 'if-match': patched.headers.etag as string } },
      );
      expect(refused.statusCode).toBe(400);
    }
    const member = await createMember(deps.db, org.id, 'member');
    const asMember = await ApiClient.signIn(app, member.email);
    const forbidden = await asMember.patch(
      `/api/v1/orgs/${org.id}`,
      { settings: { coach: { disabledRules: [] } } },
      { headers: { 'if-match': patched.headers.etag as string } },
    );
    expect(forbidden.statusCode).toBe(403);
  });

  it('names the unit of a draft that is the unit’s first objective when it lacks a vision', async () => {
    const { app, deps, org, owner, cycle } = await orgWithOwner();
    const unit = await createUnit(deps.db, org.id, { name: 'Nytt team', vision: '', mission: '' });
    const client = await ApiClient.signIn(app, owner.email);
    const response = await client.post(`/api/v1/orgs/${org.id}/coach/check`, {
      cycleId: cycle.id,
      level: 'unit',
      unitId: unit.id,
      title: 'Vårt första mål',
      keyResults: [{ title: '40 nya kunder', metric: 'increase_to', target: 40, ownerId: owner.id }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<CoachAnswer>().items.filter((a) => a.ruleId === 'unit.no-vision-or-mission')).toEqual([
      expect.objectContaining({ target: { type: 'unit', id: unit.id, name: 'Nytt team' } }),
    ]);
  });

  it('checks a draft: the copied key result is waterfall, Sara’s own objective is not (DESIGN.md), and nothing is written', async () => {
    const { app, deps, org, owner, cycle } = await orgWithOwner();
    const { unit, objective: team } = await marketingTeam(deps.db, org.id, cycle.id, owner.id);
    const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara' });
    await addToUnit(deps.db, org.id, unit.id, sara.id, 'member');
    const client = await ApiClient.signIn(app, sara.email);
    const draft = (title: string) => ({
      cycleId: cycle.id,
      level: 'person',
      personId: sara.id,
      title,
      supports: [team.id],
      keyResults: [
        { title: 'E-post ger 100 anmälningar', metric: 'increase_to', target: 100, unit: 'st', ownerId: sara.id },
        { title: 'Varje säljare bjuder in minst 10 kunder', metric: 'increase_to', target: 10, ownerId: sara.id },
        { title: 'Sociala medier ger 100 anmälningar', metric: 'increase_to', ownerId: sara.id },
      ],
    });
    const footprint = async () => {
      const [objectiveCount] = await deps.db
        .select({ n: count() })
        .from(objectives)
        .where(eq(objectives.orgId, org.id));
      const [krCount] = await deps.db.select({ n: count() }).from(keyResults).where(eq(keyResults.orgId, org.id));
      const [auditCount] = await deps.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.orgId, org.id));
      return [objectiveCount?.n, krCount?.n, auditCount?.n];
    };
    const before = await footprint();

    const copied = await client.post(`/api/v1/orgs/${org.id}/coach/check`, draft('300 deltagare på interna event'));
    expect(copied.statusCode, copied.body).toBe(200);
    const copiedItems = copied.json<CoachAnswer>().items;
    expect(copiedItems).toContainEqual(
      expect.objectContaining({
        ruleId: 'alignment.waterfall',
        target: { type: 'objective', id: 'draft', name: '300 deltagare på interna event' },
        objectiveId: 'draft',
      }),
    );
    // The third key result has no target yet.
    expect(copiedItems).toContainEqual(
      expect.objectContaining({
        ruleId: 'key-result.no-measurable-target',
        target: { type: 'keyResult', id: 'draft/keyResults/2', name: 'Sociala medier ger 100 anmälningar' },
      }),
    );
    // Only advice on the draft and its owner: not on the team's objective.
    expect(copiedItems.every((a) => a.objectiveId === 'draft' || a.target.id === sara.id)).toBe(true);

    const own = await client.post(
      `/api/v1/orgs/${org.id}/coach/check`,
      draft('Öka deltagandet på interna event jämfört med förra året'),
    );
    expect(own.statusCode).toBe(200);
    expect(own.json<CoachAnswer>().items.map((a) => a.ruleId)).not.toContain('alignment.waterfall');
    expect(own.json<CoachAnswer>().items.map((a) => a.ruleId)).not.toContain('alignment.person-supports-nothing');

    const alone = await client.post(`/api/v1/orgs/${org.id}/coach/check`, { ...draft('Ett eget mål'), supports: [] });
    expect(alone.json<CoachAnswer>().items.map((a) => a.ruleId)).toContain('alignment.person-supports-nothing');
    expect(await footprint()).toEqual(before);
  });

  it('counts a key result supported as alignment, and calls restating it waterfall, in a draft and saved (sv, en)', async () => {
    const { app, deps, org, owner, cycle, admin } = await orgWithOwner();
    const { krs } = await marketingTeam(deps.db, org.id, cycle.id, owner.id);
    const events = krs[0]?.id ?? '';
    const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara', locale: 'sv' });
    const olle = await createMember(deps.db, org.id, 'member', { name: 'Olle', locale: 'en' });
    const client = { sv: await ApiClient.signIn(app, sara.email), en: await ApiClient.signIn(app, olle.email) };
    // Only the key result: the form sends no objective in supports when a key result is picked.
    const draft = (personId: string, title: string) => ({
      cycleId: cycle.id,
      level: 'person',
      personId,
      title,
      supportsKeyResultIds: [events],
      keyResults: [{ title: 'E-post ger 100 anmälningar', metric: 'increase_to', target: 100, ownerId: personId }],
    });
    const check = async (locale: 'sv' | 'en', personId: string, title: string) => {
      const response = await client[locale].post(`/api/v1/orgs/${org.id}/coach/check`, draft(personId, title));
      expect(response.statusCode, response.body).toBe(200);
      return response.json<CoachAnswer>().items;
    };
    const waterfallOf = (items: AdviceItem[]) => items.filter((a) => a.ruleId === 'alignment.waterfall');
    const unaligned = (items: AdviceItem[]) => items.filter((a) => a.ruleId === 'alignment.person-supports-nothing');

    const copied = await check('sv', sara.id, '300 deltagare på interna event');
    expect(waterfallOf(copied)).toEqual([
      expect.objectContaining({
        target: { type: 'objective', id: 'draft', name: '300 deltagare på interna event' },
        title:
          '”300 deltagare på interna event” upprepar bara nyckelresultatet det stöder, ”300 deltagare på interna event”',
        todo: expect.stringContaining('Behåll kopplingen'),
      }),
    ]);
    expect(unaligned(copied)).toEqual([]);
    const nearCopy = await check('en', olle.id, 'Nå 300 deltagare på våra interna event');
    expect(waterfallOf(nearCopy).map((a) => a.title)).toEqual([
      '“Nå 300 deltagare på våra interna event” only restates the key result it supports, “300 deltagare på interna event”',
    ]);
    const own = await check('sv', sara.id, 'Öka deltagandet på interna event jämfört med förra året');
    expect(waterfallOf(own)).toEqual([]);
    expect(unaligned(own)).toEqual([]);

    // Saved, with the key result only: aligned, and the copy is waterfall.
    for (const title of ['Öka deltagandet på interna event jämfört med förra året', '300 deltagare på interna event']) {
      const created = await client.sv.post(`/api/v1/orgs/${org.id}/objectives`, draft(sara.id, title));
      expect(created.statusCode, created.body).toBe(201);
    }
    const advice = (await adviceOf(admin, org.id, { cycleId: cycle.id })).items;
    expect(unaligned(advice)).toEqual([]);
    expect(waterfallOf(advice).map((a) => a.title)).toEqual([
      '“300 deltagare på interna event” only restates the key result it supports, “300 deltagare på interna event”',
    ]);
  });

  it('counts an edited objective once, and refuses a draft whose owner does not add up', async () => {
    const { deps, org, owner, cycle, admin } = await orgWithOwner();
    const unit = await createUnit(deps.db, org.id, { name: 'Team', vision: 'v', mission: 'm' });
    const saved = [];
    for (const title of ['Mål ett', 'Mål två', 'Mål tre', 'Mål fyra']) {
      saved.push(
        (
          await objectiveWithKeyResults(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id }, owner.id, {
            title,
          })
        ).objective,
      );
    }
    const body = { cycleId: cycle.id, level: 'unit', unitId: unit.id, title: 'Mål fyra, skarpare' };
    const url = `/api/v1/orgs/${org.id}/coach/check`;
    const asNew = (await admin.post(url, body)).json<CoachAnswer>();
    expect(asNew.items).toContainEqual(
      expect.objectContaining({
        ruleId: 'focus.too-many-objectives',
        target: { type: 'unit', id: unit.id, name: 'Team' },
        title: '5 objectives in this cycle; the focus range is at most 4',
      }),
    );
    const asEdit = (await admin.post(url, { ...body, objectiveId: saved[3]?.id })).json<CoachAnswer>();
    expect(asEdit.items.map((a) => a.ruleId)).not.toContain('focus.too-many-objectives');

    const other = await createOrg(deps.db);
    const foreignCycle = await createCycle(deps.db, other.org.id);
    for (const [bad, field] of [
      [{ ...body, unitId: undefined }, '/body/unitId'],
      [{ ...body, level: 'person', unitId: undefined, personId: other.owner.id }, '/body/personId'],
      [{ ...body, cycleId: foreignCycle.id }, '/body/cycleId'],
    ] as const) {
      const refused = await admin.post(url, bad);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].field).toBe(field);
    }
    for (const malformed of [{ ...body, title: 42 }, { ...body, colour: 'blue' }, { cycleId: cycle.id }]) {
      expect((await admin.post(url, malformed)).statusCode).toBe(400);
    }
  });

  it('speaks Swedish to a Swedish account', async () => {
    const { app, deps, org, cycle } = await orgWithOwner();
    const objective = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    await createKeyResult(deps.db, org.id, objective.id, { title: 'Genomföra 10 kundmöten', ownerId: null });
    const swede = await createMember(deps.db, org.id, 'viewer', { locale: 'sv' });
    const client = await ApiClient.signIn(app, swede.email);
    const answer = await adviceOf(client, org.id, { cycleId: cycle.id });
    const titles = answer.items.map((a) => a.title);
    expect(titles).toContain('”Genomföra 10 kundmöten” saknar ägare');
    expect(titles).toContain('”Genomföra 10 kundmöten” ser ut som en aktivitet, inte ett resultat');
    const activity = answer.items.find((a) => a.ruleId === 'key-result.is-activity');
    expect(activity?.todo).toContain('flytta själva uppgiften till aktiviteterna');
  });

  it('narrows to a unit, the units beneath it and their people', async () => {
    const { deps, org, cycle, admin } = await orgWithOwner();
    const division = await createUnit(deps.db, org.id, { name: 'Division', vision: 'v', mission: 'm' });
    const team = await createUnit(deps.db, org.id, { name: 'Team', parentId: division.id, vision: '', mission: '' });
    const elsewhere = await createUnit(deps.db, org.id, { name: 'Annat', vision: '', mission: '' });
    const member = await createMember(deps.db, org.id, 'member');
    await addToUnit(deps.db, org.id, team.id, member.id, 'member');
    const make = (o: ObjectiveOwner) => createObjective(deps.db, org.id, cycle.id, o);
    const top = await make({ level: 'organization' });
    const divisionObjective = await make({ level: 'unit', unitId: division.id });
    const teamObjective = await make({ level: 'unit', unitId: team.id });
    const personal = await make({ level: 'person', personId: member.id });
    const outside = await make({ level: 'unit', unitId: elsewhere.id });

    const all = await adviceOf(admin, org.id, { cycleId: cycle.id });
    const scoped = await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: division.id });
    const objectiveIds = new Set(scoped.items.map((a) => a.objectiveId).filter((id) => id !== null));
    expect([...objectiveIds].sort()).toEqual([divisionObjective.id, teamObjective.id, personal.id].sort());
    expect(scoped.items.some((a) => a.target.type === 'organization')).toBe(false);
    expect(scoped.items).toContainEqual(
      expect.objectContaining({
        ruleId: 'unit.no-vision-or-mission',
        target: { type: 'unit', id: team.id, name: 'Team' },
      }),
    );
    expect(scoped.items.some((a) => a.target.id === elsewhere.id || a.objectiveId === outside.id)).toBe(false);
    expect(all.items.some((a) => a.objectiveId === outside.id)).toBe(true);
    expect(all.items.some((a) => a.objectiveId === top.id)).toBe(true);
    const teamOnly = await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: team.id });
    expect(new Set(teamOnly.items.map((a) => a.objectiveId).filter((id) => id !== null))).toEqual(
      new Set([teamObjective.id, personal.id]),
    );
  });

  it('gives a unit’s own advice without the units beneath it, the first few with their total, without rules', async () => {
    const { deps, org, cycle, admin } = await orgWithOwner();
    const division = await createUnit(deps.db, org.id, { name: 'Division', vision: 'v', mission: 'm' });
    const team = await createUnit(deps.db, org.id, { name: 'Team', parentId: division.id, vision: '', mission: '' });
    const [boss, member] = [
      await createMember(deps.db, org.id, 'member'),
      await createMember(deps.db, org.id, 'member'),
    ];
    await addToUnit(deps.db, org.id, division.id, boss.id, 'member');
    await addToUnit(deps.db, org.id, team.id, member.id, 'member');
    const make = (o: ObjectiveOwner) => createObjective(deps.db, org.id, cycle.id, o);
    await make({ level: 'organization' });
    const divisionObjective = await make({ level: 'unit', unitId: division.id });
    const bossObjective = await make({ level: 'person', personId: boss.id });
    const teamObjective = await make({ level: 'unit', unitId: team.id });
    await make({ level: 'person', personId: member.id });

    const subtree = await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: division.id });
    const own = await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: division.id, subunits: 'false' });
    const isOwn = (a: AdviceItem) =>
      (a.objectiveId !== null && [divisionObjective.id, bossObjective.id].includes(a.objectiveId)) ||
      (a.target.type === 'unit' && a.target.id === division.id) ||
      (a.target.type === 'person' && a.target.id === boss.id);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items).toEqual(subtree.items.filter(isOwn));
    expect(subtree.items.some((a) => a.objectiveId === teamObjective.id)).toBe(true);
    expect(subtree.items.some((a) => a.target.id === team.id)).toBe(true);
    expect(own.rules).toEqual(subtree.rules);
    expect(own).not.toHaveProperty('total');
    // A team with nothing beneath it: the same either way.
    expect(await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: team.id, subunits: 'false' })).toEqual(
      await adviceOf(admin, org.id, { cycleId: cycle.id, unitId: team.id }),
    );

    expect(subtree.items.length).toBeGreaterThan(2);
    const firstTwo = await adviceOf(admin, org.id, {
      cycleId: cycle.id,
      unitId: division.id,
      limit: '2',
      rules: 'false',
    });
    expect(firstTwo).toEqual({ cycleClosed: false, items: subtree.items.slice(0, 2), total: subtree.items.length });
    const everything = await adviceOf(admin, org.id, { cycleId: cycle.id, limit: '1000' });
    expect(everything.total).toBe(everything.items.length);
    expect(everything.rules?.map((r) => r.id)).toEqual([...RULE_IDS]);

    const malformed: Record<string, string>[] = [
      { limit: '0' },
      { limit: '1001' },
      { limit: 'a few' },
      { subunits: 'maybe' },
      { rules: 'no' },
    ];
    for (const bad of malformed) {
      const response = await admin.get(coachUrl(org.id, { cycleId: cycle.id, ...bad }));
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('advises only on what the caller may read', async () => {
    const { app, deps, org, cycle, admin } = await orgWithOwner();
    const unit = await createUnit(deps.db, org.id, { vision: 'v', mission: 'm' });
    const [member, other, lead] = [
      await createMember(deps.db, org.id, 'member'),
      await createMember(deps.db, org.id, 'member'),
      await createMember(deps.db, org.id, 'member'),
    ];
    await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
    const draft = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      { lifecycle: 'draft' },
    );
    const secret = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'person', personId: other.id },
      { visibility: 'private' },
    );
    const seen = async (client: ApiClient) =>
      new Set((await adviceOf(client, org.id, { cycleId: cycle.id })).items.map((a) => a.objectiveId));

    const asAdmin = await seen(admin);
    expect(asAdmin.has(draft.id) && asAdmin.has(secret.id)).toBe(true);
    const asMember = await seen(await ApiClient.signIn(app, member.email));
    expect(asMember.has(draft.id) || asMember.has(secret.id)).toBe(false);
    const asLead = await seen(await ApiClient.signIn(app, lead.email));
    expect(asLead.has(draft.id)).toBe(true);
    expect(asLead.has(secret.id)).toBe(false);
    const asOther = await seen(await ApiClient.signIn(app, other.email));
    expect(asOther.has(secret.id)).toBe(true);
  });

  it('marks the check as a read in the API description', async () => {
    const { app } = await testServer();
    const document = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(document.paths['/api/v1/orgs/{orgId}/coach/check'].post['x-read-only']).toBe(true);
    expect(document.paths['/api/v1/orgs/{orgId}/objectives'].post['x-read-only']).toBeUndefined();
  });

  it('answers 404 for another organisation’s ids', async () => {
    const { app, deps, org, cycle, admin } = await orgWithOwner();
    const other = await createOrg(deps.db);
    const foreignCycle = await createCycle(deps.db, other.org.id);
    const foreignUnit = await createUnit(deps.db, other.org.id);
    const outsider = await ApiClient.signIn(app, other.owner.email);
    const draft = { cycleId: cycle.id, level: 'organization', title: 'Ett mål' };

    for (const [client, url] of [
      [outsider, coachUrl(org.id, { cycleId: cycle.id })],
      [admin, coachUrl(org.id, { cycleId: foreignCycle.id })],
      [admin, coachUrl(org.id, { cycleId: cycle.id, unitId: foreignUnit.id })],
      [admin, coachUrl(other.org.id, { cycleId: foreignCycle.id })],
    ] as const) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await outsider.post(`/api/v1/orgs/${org.id}/coach/check`, draft)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/orgs/${org.id}/coach/check`, draft)).statusCode).toBe(200);
    expect(await deps.db.select().from(objectives).where(eq(objectives.orgId, org.id))).toEqual([]);
  });
});
