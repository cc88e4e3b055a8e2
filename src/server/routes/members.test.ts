import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { accounts, auditEvents, memberships, unitMembers } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { addToUnit, createMember, createOrg, createUnit } from '../../test/factories.ts';
import { mailedInvitation } from '../../test/invitation-mail.ts';
import { getOutboxMessage } from '../../app/notifications/list-outbox.ts';

async function signedIn(orgId: string, role: OrgRole) {
  const { app, deps } = await testServer();
  const account = await createMember(deps.db, orgId, role);
  return { account, client: await ApiClient.signIn(app, account.email) };
}

interface MemberBody {
  accountId: string;
  name: string;
  email: string;
  role: string;
  units: { unitId: string; role: string }[];
}

describe('organisation members', () => {
  it('lists members by name in pages, with their units, without duplicates or gaps', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const names = ['Gustav', 'Bertil', 'Cecilia', 'David', 'Eva', 'Filip', 'Anna'];
    const people = [];
    for (const name of names) people.push(await createMember(deps.db, org.id, 'member', { name: `Zz ${name}` }));
    const team = await createUnit(deps.db, org.id, { name: 'Team A' });
    const archived = await createUnit(deps.db, org.id, { name: 'Old team', archivedAt: new Date() });
    const firstPerson = people[0];
    if (!firstPerson) throw new Error('no people');
    await addToUnit(deps.db, org.id, team.id, firstPerson.id, 'lead');
    await addToUnit(deps.db, org.id, archived.id, firstPerson.id, 'member');

    const client = await ApiClient.signIn(app, owner.email);
    const seen: MemberBody[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/orgs/${org.id}/members?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await client.get(url);
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: MemberBody[]; nextCursor: string | null }>();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    const ids = seen.map((m) => m.accountId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([owner.id, ...people.map((p) => p.id)].sort());
    const sortedNames = seen.map((m) => m.name);
    const zz = sortedNames.filter((n) => n.startsWith('Zz '));
    expect(zz).toEqual([...zz].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const withUnits = seen.find((m) => m.accountId === firstPerson.id);
    // The archived unit has dropped out of every list.
    expect(withUnits?.units).toEqual([{ unitId: team.id, role: 'lead' }]);
    expect(withUnits).toMatchObject({ email: firstPerson.email, role: 'member' });
  });

  it('searches names and e-mails, taking % and _ literally', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const percent = await createMember(deps.db, org.id, 'member', { name: 'Sales 100% Anna' });
    const underscore = await createMember(deps.db, org.id, 'viewer', { name: 'Bo_Ek' });
    const byMail = await createMember(deps.db, org.id, 'member', {
      email: `kerstin.${percent.id.slice(0, 6)}@Example.test`,
    });
    await createMember(deps.db, org.id, 'member', { name: 'Bosse Ekman' });
    const client = await ApiClient.signIn(app, owner.email);

    const search = async (q: string) => {
      const response = await client.get(`/api/v1/orgs/${org.id}/members?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      return response.json<{ items: MemberBody[] }>().items.map((m) => m.accountId);
    };
    expect(await search('%')).toEqual([percent.id]);
    expect(await search('_')).toEqual([underscore.id]);
    expect(await search('o_e')).toEqual([underscore.id]);
    expect(await search(`KERSTIN.${percent.id.slice(0, 6)}`)).toEqual([byMail.id]);
    expect((await search('nobody-has-this-name')).length).toBe(0);
  });

  it('invites a new address and another organisation’s person alike: the same answer, no member until accepted', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { client } = await signedIn(org.id, 'admin');
    // Someone who belongs to another organisation, and an address Riktning has never seen.
    const { org: elsewhereOrg } = await createOrg(deps.db);
    const known = await createMember(deps.db, elsewhereOrg.id, 'member', { name: 'Kerstin Känd' });
    const fresh = `New.Person-${org.id.slice(0, 8)}@Example.test`;

    const invite = (email: string) =>
      client.post(`/api/v1/orgs/${org.id}/members`, { email, name: 'Typed Name', role: 'member' });
    const answers = [await invite(known.email), await invite(fresh)];
    const [forKnown, forFresh] = answers.map((a) => ({ status: a.statusCode, body: a.json() }));
    expect(forKnown).toEqual({
      status: 201,
      body: { email: known.email, role: 'member', expiresAt: expect.any(String) },
    });
    expect(forFresh).toEqual({
      status: 201,
      body: { email: fresh.toLowerCase(), role: 'member', expiresAt: forKnown?.body.expiresAt },
    });
    expect(JSON.stringify(answers.map((a) => a.json()))).not.toMatch(/Kerstin|accountId|url/);
    const [knownHeaders, freshHeaders] = answers.map((a) => Object.keys(a.headers).sort());
    expect(knownHeaders).toEqual(freshHeaders);

    // Nobody joined: the organisation's people are as before.
    const [newAccount] = await deps.db.select().from(accounts).where(eq(accounts.email, fresh.toLowerCase()));
    expect(newAccount?.passwordHash).toBeNull();
    const joined = await deps.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), inArray(memberships.accountId, [known.id, newAccount?.id ?? ''])));
    expect(joined).toEqual([]);
    const listed = await client.get(`/api/v1/orgs/${org.id}/members`);
    expect(JSON.stringify(listed.json())).not.toMatch(/Kerstin|new\.person/i);

    // Each address got the same e-mail, naming no one; the known account's name stays theirs.
    const mails = [
      await mailedInvitation(deps.db, org.id, known.email),
      await mailedInvitation(deps.db, org.id, fresh),
    ];
    expect(mails[0]?.message.subject).toBe(mails[1]?.message.subject);
    expect(mails[0]?.message.textBody.replace(/\/invite\/\S+/, '')).toBe(
      mails[1]?.message.textBody.replace(/\/invite\/\S+/, ''),
    );
    const [knownNow] = await deps.db.select().from(accounts).where(eq(accounts.id, known.id));
    expect(knownNow?.name).toBe('Kerstin Känd');

    // What the admin can read afterwards gives nothing away either: the audit log and the outbox.
    const audit = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), inArray(auditEvents.action, ['member.invite', 'invitation.issue'])));
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit.map((e) => e.after))).not.toMatch(new RegExp(`Kerstin|${known.id}|${newAccount?.id}`));
    const outbox = await client.get(`/api/v1/orgs/${org.id}/outbox?kind=invitation`);
    expect(outbox.statusCode).toBe(200);
    const items = outbox.json<{ items: { recipientId: string | null; recipientName: string; toAddress: string }[] }>()
      .items;
    expect(
      items
        .map(({ recipientId, recipientName }) => ({ recipientId, recipientName }))
        .sort((a, b) => a.recipientName.localeCompare(b.recipientName)),
    ).toEqual(
      [known.email, fresh.toLowerCase()]
        .sort((a, b) => a.localeCompare(b))
        .map((email) => ({ recipientId: null, recipientName: email })),
    );

    // Inviting again replaces the open invitation; a member is a conflict.
    const again = await invite(fresh.toUpperCase());
    expect(again.statusCode).toBe(201);
    const replaced = await ApiClient.anonymous(app).get(`/api/v1/invitations/${mails[1]?.token}`);
    expect(replaced.statusCode).toBe(404);
    const member = await createMember(deps.db, org.id, 'viewer');
    const conflict = await invite(member.email);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe('already_member');
  });

  it('hides the invitation’s link from the admin’s outbox when a mail server delivers it', async () => {
    const { deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const { client } = await signedIn(org.id, 'admin');
    const email = `mailed-${org.id.slice(0, 8)}@example.test`;
    expect((await client.post(`/api/v1/orgs/${org.id}/members`, { email, name: 'M', role: 'viewer' })).statusCode).toBe(
      201,
    );
    const { message, path } = await mailedInvitation(deps.db, org.id, email);
    const caller = { accountId: owner.id };
    const held = await getOutboxMessage({ ...deps, mailEnabled: false }, caller, org.id, message.id);
    expect(held.textBody).toContain(path);
    const delivered = await getOutboxMessage({ ...deps, mailEnabled: true }, caller, org.id, message.id);
    expect(delivered.textBody).not.toContain(path);
    expect(delivered.textBody).toContain('/invite/…');
  });

  it('lets only admins add people, and only owners grant the owner role', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const url = `/api/v1/orgs/${org.id}/members`;
    const payload = (role: OrgRole) => ({
      email: `p-${role}-${Math.random().toString(36).slice(2)}@example.test`,
      name: 'P',
      role,
    });

    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signedIn(org.id, role);
      const response = await client.post(url, payload('viewer'));
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    const { client: admin } = await signedIn(org.id, 'admin');
    expect((await admin.post(url, payload('owner'))).statusCode).toBe(403);
    expect((await admin.post(url, payload('admin'))).statusCode).toBe(201);
    const ownerClient = await ApiClient.signIn(app, owner.email);
    const granted = await ownerClient.post(url, payload('owner'));
    expect(granted.statusCode).toBe(201);
    expect(granted.json().role).toBe('owner');
  });

  it('changes roles, but an admin cannot touch an owner and the last owner stays', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const person = await createMember(deps.db, org.id, 'member');
    const { client: admin } = await signedIn(org.id, 'admin');
    const ownerClient = await ApiClient.signIn(app, owner.email);

    const changed = await admin.patch(`/api/v1/orgs/${org.id}/members/${person.id}`, { role: 'viewer' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ accountId: person.id, role: 'viewer' });
    const [row] = await deps.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, org.id), eq(memberships.accountId, person.id)));
    expect(row?.role).toBe('viewer');

    expect((await admin.patch(`/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/orgs/${org.id}/members/${person.id}`, { role: 'owner' })).statusCode).toBe(403);

    const lastOwner = await ownerClient.patch(`/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'admin' });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().code).toBe('last_owner');

    expect((await ownerClient.patch(`/api/v1/orgs/${org.id}/members/${person.id}`, { role: 'owner' })).statusCode).toBe(
      200,
    );
    const stepDown = await ownerClient.patch(`/api/v1/orgs/${org.id}/members/${owner.id}`, { role: 'admin' });
    expect(stepDown.statusCode).toBe(200);
    expect(stepDown.json().role).toBe('admin');

    const bad = await ownerClient.patch(`/api/v1/orgs/${org.id}/members/${person.id}`, { role: 'boss' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/body/role');
  });

  it('removes a member with their unit memberships; the last owner cannot be removed', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const person = await createMember(deps.db, org.id, 'member');
    const unit = await createUnit(deps.db, org.id);
    await addToUnit(deps.db, org.id, unit.id, person.id, 'lead');
    const ownerClient = await ApiClient.signIn(app, owner.email);

    const { client: member } = await signedIn(org.id, 'member');
    expect((await member.delete(`/api/v1/orgs/${org.id}/members/${person.id}`)).statusCode).toBe(403);

    expect((await ownerClient.delete(`/api/v1/orgs/${org.id}/members/${person.id}`)).statusCode).toBe(204);
    expect(
      await deps.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, org.id), eq(memberships.accountId, person.id))),
    ).toEqual([]);
    expect(await deps.db.select().from(unitMembers).where(eq(unitMembers.accountId, person.id))).toEqual([]);
    const [account] = await deps.db.select().from(accounts).where(eq(accounts.id, person.id));
    expect(account?.id).toBe(person.id);
    expect((await ownerClient.delete(`/api/v1/orgs/${org.id}/members/${person.id}`)).statusCode).toBe(404);

    const last = await ownerClient.delete(`/api/v1/orgs/${org.id}/members/${owner.id}`);
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_owner');
  });

  it('shows one member with their units to anyone in the organisation, and nobody of another', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { owner: stranger } = await createOrg(deps.db);
    const team = await createUnit(deps.db, org.id, { name: 'Team A' });
    const { account: viewer, client } = await signedIn(org.id, 'viewer');
    await addToUnit(deps.db, org.id, team.id, viewer.id, 'member');
    const { account: colleague } = await signedIn(org.id, 'member');
    const one = await client.get(`/api/v1/orgs/${org.id}/members/${colleague.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({
      accountId: colleague.id,
      name: colleague.name,
      email: colleague.email,
      role: 'member',
      units: [],
      deactivatedAt: null,
    });
    const self = (await client.get(`/api/v1/orgs/${org.id}/members/${viewer.id}`)).json<MemberBody>();
    expect(self.units).toEqual([{ unitId: team.id, role: 'member' }]);
    expect((await client.get(`/api/v1/orgs/${org.id}/members/${stranger.id}`)).statusCode).toBe(404);
    const outsider = await ApiClient.signIn(app, stranger.email);
    expect((await outsider.get(`/api/v1/orgs/${org.id}/members/${colleague.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for other organisations and their people', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const { org: other, owner: otherOwner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);

    expect((await client.get(`/api/v1/orgs/${other.id}/members`)).statusCode).toBe(404);
    expect(
      (await client.post(`/api/v1/orgs/${other.id}/members`, { email: 'x@example.test', name: 'X', role: 'member' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await client.patch(`/api/v1/orgs/${other.id}/members/${otherOwner.id}`, { role: 'viewer' })).statusCode,
    ).toBe(404);
    const theirs = await client.patch(`/api/v1/orgs/${org.id}/members/${otherOwner.id}`, { role: 'viewer' });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('not_found');
    expect((await client.delete(`/api/v1/orgs/${org.id}/members/${otherOwner.id}`)).statusCode).toBe(404);
    const [untouched] = await deps.db.select().from(memberships).where(eq(memberships.accountId, otherOwner.id));
    expect(untouched?.role).toBe('owner');
  });

  it('names the field of bad input', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const client = await ApiClient.signIn(app, owner.email);
    const url = `/api/v1/orgs/${org.id}/members`;

    const badEmail = await client.post(url, { email: 'not-an-email', name: 'X', role: 'member' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().errors[0].field).toBe('/body/email');
    const extra = await client.post(url, { email: 'x@example.test', name: 'X', role: 'member', password: 'secret' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('/body/password');
    const missing = await client.post(url, { email: 'x@example.test', role: 'member' });
    expect(missing.json().errors[0].field).toBe('/body/name');
    const cursor = await client.get(`${url}?cursor=garbage`);
    expect(cursor.statusCode).toBe(422);
    expect(cursor.json().errors[0].field).toBe('/query/cursor');
    const forged = Buffer.from(JSON.stringify(['a', 'not-a-uuid'])).toString('base64url');
    expect((await client.get(`${url}?cursor=${forged}`)).statusCode).toBe(422);
    const badLimit = await client.get(`${url}?limit=0`);
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors[0].field).toBe('/querystring/limit');
  });
});
