import { describe, expect, it } from 'vitest';
import { createAppCaches } from '../../app/caches.ts';
import { searchOrg } from '../../app/search/search-org.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { countStatements } from '../../test/statements.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

/** An organisation with one of each kind named after `word`, and a member to search as. */
async function orgWith(word: string) {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db, { name: 'Riktning AB' });
  const cycle = await createCycle(deps.db, org.id, { name: 'Q2 2026' });
  const unit = await createUnit(deps.db, org.id, { name: `${word} Team`, kind: 'team' });
  const member = await createMember(deps.db, org.id, 'member', { name: 'Maja Medlem' });
  const person = await createMember(deps.db, org.id, 'member', {
    name: `Anna ${word}son`,
    email: `anna.${word.toLowerCase()}.${Date.now()}@example.test`,
  });
  const objective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: unit.id },
    { title: `Grow ${word} sales` },
  );
  const keyResult = await createKeyResult(deps.db, org.id, objective.id, { title: `300 ${word} leads` });
  const client = await ApiClient.signIn(app, member.email);
  const search = (q: string, as = client) => as.get(`/api/v1/orgs/${org.id}/search?${new URLSearchParams({ q })}`);
  return { app, deps, org, owner, cycle, unit, member, person, objective, keyResult, client, search };
}

describe('quick search', () => {
  it('finds objectives, key results, units and people, case-insensitively and with what a hit needs', async () => {
    const { search, objective, keyResult, unit, person, cycle } = await orgWith('Kometer');
    const response = await search('  kOMet ');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      objectives: [
        {
          id: objective.id,
          title: 'Grow Kometer sales',
          level: 'unit',
          ownerName: 'Kometer Team',
          cycleId: cycle.id,
          cycleName: 'Q2 2026',
        },
      ],
      keyResults: [
        {
          id: keyResult.id,
          title: '300 Kometer leads',
          objectiveId: objective.id,
          objectiveTitle: 'Grow Kometer sales',
        },
      ],
      units: [{ id: unit.id, name: 'Kometer Team', kind: 'team' }],
      people: [{ accountId: person.id, name: 'Anna Kometerson', email: person.email }],
    });
    // People are found by their e-mail address too.
    const byEmail = (await search(person.email.slice(0, 12))).json();
    expect(byEmail.people.map((p: { accountId: string }) => p.accountId)).toEqual([person.id]);
  });

  it('ranks exact matches, then those that start with the query, then the current cycle’s objectives', async () => {
    const { deps, org, cycle, search } = await orgWith('Rank');
    const lastYear = await createCycle(deps.db, org.id, {
      name: 'Q2 2025',
      startsOn: '2025-04-01',
      endsOn: '2025-06-30',
      status: 'closed',
    });
    const make = (cycleId: string, title: string) => createObjective(deps.db, org.id, cycleId, undefined, { title });
    const old = await make(lastYear.id, 'All happy customers');
    const now = await make(cycle.id, 'More happy customers');
    const prefix = await make(lastYear.id, 'Happy customers in the north');
    const exact = await make(lastYear.id, 'happy customers');
    const hits = (await search('Happy Customers')).json().objectives.map((o: { id: string }) => o.id);
    // Among those that only contain it, the current cycle's first, though longer.
    expect(hits).toEqual([exact.id, prefix.id, now.id, old.id]);
  });

  it('never shows another organisation’s rows', async () => {
    const mine = await orgWith('Solvind');
    const theirs = await orgWith('Solvind');
    const hits = (await mine.search('solvind')).json();
    const ids = [
      ...hits.objectives.map((h: { id: string }) => h.id),
      ...hits.keyResults.map((h: { id: string }) => h.id),
      ...hits.units.map((h: { id: string }) => h.id),
      ...hits.people.map((h: { accountId: string }) => h.accountId),
    ];
    expect(ids.sort()).toEqual([mine.objective.id, mine.keyResult.id, mine.unit.id, mine.person.id].sort());
    expect(ids).not.toContain(theirs.objective.id);
    // Nor answers for an organisation the caller is not in.
    const foreign = await mine.client.get(`/api/v1/orgs/${theirs.org.id}/search?q=solvind`);
    expect(foreign.statusCode).toBe(404);
  });

  it('finds a private objective and its key results for its owner and admins, never for other members', async () => {
    const { app, deps, org, owner, cycle, member, person, search } = await orgWith('Hemlis');
    const secret = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'person', personId: person.id },
      { title: 'Privat utvecklingsmål', kind: 'development', visibility: 'private' },
    );
    const secretKr = await createKeyResult(deps.db, org.id, secret.id, { title: 'Privat nyckelresultat' });
    const draft = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'person', personId: person.id },
      { title: 'Privat utkast', lifecycle: 'draft' },
    );
    const found = async (client: ApiClient) => {
      const hits = (await search('privat', client)).json();
      return [...hits.objectives, ...hits.keyResults].map((h: { id: string }) => h.id).sort();
    };
    const all = [secret.id, secretKr.id, draft.id].sort();
    expect(await found(await ApiClient.signIn(app, member.email))).toEqual([]);
    expect(await found(await ApiClient.signIn(app, person.email))).toEqual(all);
    expect(await found(await ApiClient.signIn(app, owner.email))).toEqual(all);
  });

  it('leaves out archived objectives, key results, units, and key results of archived objectives', async () => {
    const { deps, org, cycle, search } = await orgWith('Arkiv');
    const archived = new Date('2026-05-01T00:00:00Z');
    await createUnit(deps.db, org.id, { name: 'Dammiga enheten', archivedAt: archived });
    await createUnit(deps.db, org.id, { name: 'Dammsugarna' });
    const gone = await createObjective(deps.db, org.id, cycle.id, undefined, {
      title: 'Dammigt mål',
      archivedAt: archived,
    });
    await createKeyResult(deps.db, org.id, gone.id, { title: 'Dammigt nyckelresultat A' });
    const live = await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Levande mål' });
    await createKeyResult(deps.db, org.id, live.id, { title: 'Dammigt nyckelresultat B', archivedAt: archived });
    const hits = (await search('damm')).json();
    expect(hits.objectives).toEqual([]);
    expect(hits.keyResults).toEqual([]);
    expect(hits.units.map((h: { name: string }) => h.name)).toEqual(['Dammsugarna']);
  });

  it('takes % and _ literally', async () => {
    const { deps, org, cycle, search } = await orgWith('Procent');
    const fifty = await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Nå 50% marknadsandel' });
    await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Nå 500 kunder' });
    const snake = await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Byt namn på user_id' });
    await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Byt namn på userXid' });
    const ids = async (q: string) => (await search(q)).json().objectives.map((h: { id: string }) => h.id);
    expect(await ids('50%')).toEqual([fifty.id]);
    expect(await ids('r_i')).toEqual([snake.id]);
    expect(await ids('%%')).toEqual([]);
  });

  it('matches two characters at the start of a word only', async () => {
    const { deps, org, cycle, search } = await orgWith('Ord');
    const start = await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Öka NPS bland kunder' });
    const word = await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Nöjda kunder, högre NPS' });
    await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Snappa upp leads' });
    const hits = (await search('np')).json().objectives.map((h: { id: string }) => h.id);
    expect(hits.sort()).toEqual([start.id, word.id].sort());
  });

  it('refuses a query of fewer than 2 or more than 100 characters once trimmed, naming /query/q', async () => {
    const { search, client, org } = await orgWith('Kort');
    const short = await search('  a  ');
    expect(short.statusCode).toBe(422);
    expect(short.json().errors).toEqual([
      { field: '/query/q', code: 'minLength', message: 'must be at least 2 characters' },
    ]);
    const long = await client.get(`/api/v1/orgs/${org.id}/search?q=${'x'.repeat(101)}`);
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0]).toMatchObject({ field: '/query/q', code: 'maxLength' });
    expect((await client.get(`/api/v1/orgs/${org.id}/search?q=${'x'.repeat(100)}`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/orgs/${org.id}/search`)).statusCode).toBe(400);
  });

  it('limits each group, and answers in one statement with the caches warm whatever the organisation’s size', async () => {
    const { deps, org, cycle, member } = await orgWith('Mängd');
    for (let i = 0; i < 8; i++) {
      const objective = await createObjective(deps.db, org.id, cycle.id, undefined, { title: `Mängd ${i}` });
      await createKeyResult(deps.db, org.id, objective.id, { title: `Mängd nyckel ${i}` });
      const unit = await createUnit(deps.db, org.id, { name: `Mängd enhet ${i}` });
      await addToUnit(deps.db, org.id, unit.id, member.id, 'member');
    }
    const caller = { accountId: member.id, caches: createAppCaches() };
    const counted = async (limit?: number) => {
      const counting = countStatements(deps.db);
      const hits = await searchOrg({ ...deps, db: counting.db }, caller, org.id, { q: 'mängd', limit });
      return { statements: counting.statements(), sizes: Object.values(hits).map((group) => group.length) };
    };
    // The first fills the membership cache: scope, then the search.
    expect(await counted()).toEqual({ statements: 2, sizes: [5, 5, 5, 1] });
    expect(await counted(20)).toEqual({ statements: 1, sizes: [9, 9, 9, 1] });
  });
});
