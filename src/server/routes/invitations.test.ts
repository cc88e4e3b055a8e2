import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { accounts, auditEvents, invitations, memberships } from '../../db/schema.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { createAccount, createMember, createOrg } from '../../test/factories.ts';
import { mailedInvitation } from '../../test/invitation-mail.ts';

const NEW_PASSWORD = 'ett riktigt bra lösenord';
const DAY_MS = 86_400_000;

async function signedIn(orgId: string, role: OrgRole) {
  const { app, deps } = await testServer();
  const account = await createMember(deps.db, orgId, role);
  return { account, client: await ApiClient.signIn(app, account.email) };
}

const newEmail = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 10)}@example.test`;

interface Invitation {
  url: string;
  expiresAt: string;
}

const tokenOf = (invitation: Invitation) => {
  const match = /^\/invite\/([A-Za-z0-9_-]{43})$/.exec(invitation.url);
  if (!match?.[1]) throw new Error(`not an invitation path: ${invitation.url}`);
  return match[1];
};

/** An organisation with an admin who invites a new address: the account made for it, and the mailed link. */
async function invitedPerson(role: OrgRole = 'member') {
  const { deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const { account: admin, client } = await signedIn(org.id, 'admin');
  const email = newEmail('ny');
  const added = await client.post(`/api/v1/orgs/${org.id}/members`, { email, name: 'Ny Person', role });
  expect(added.statusCode).toBe(201);
  const expiresAt = added.json<{ expiresAt: string }>().expiresAt;
  const [account] = await deps.db.select().from(accounts).where(eq(accounts.email, email));
  if (!account) throw new Error('no account for the invited address');
  const { token } = await mailedInvitation(deps.db, org.id, email);
  return { org, owner, admin, client, email, accountId: account.id, token, expiresAt };
}

/** A member added before invitations were mailed: no password yet, and a link from the admin. */
async function memberWithoutPassword() {
  const { deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const { client } = await signedIn(org.id, 'admin');
  const person = await createMember(deps.db, org.id, 'member', { passwordHash: null });
  const issued = await client.post(`/api/v1/orgs/${org.id}/members/${person.id}/invitation`);
  expect(issued.statusCode).toBe(201);
  return { org, owner, client, accountId: person.id, email: person.email, invitation: issued.json<Invitation>() };
}

const joinedOrgIds = async (deps: { db: Parameters<typeof mailedInvitation>[0] }, accountId: string) =>
  (await deps.db.select().from(memberships).where(eq(memberships.accountId, accountId))).map((m) => m.orgId).sort();

describe('invitations', () => {
  it('mails a link; the new person opens it, chooses a password, joins and is signed in', async () => {
    const { app, deps, clock } = await testServer();
    const { org, email, accountId, token, expiresAt } = await invitedPerson();
    expect(new Date(expiresAt).getTime()).toBe(clock.now().getTime() + 14 * DAY_MS);
    // Only a hash is stored, and the person is no member until they accept.
    const rows = await deps.db.select().from(invitations).where(eq(invitations.accountId, accountId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await joinedOrgIds(deps, accountId)).toEqual([]);

    const anonymous = ApiClient.anonymous(app);
    const shown = await anonymous.get(`/api/v1/invitations/${token}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ orgName: org.name, email, name: 'Ny Person', expiresAt, acceptBy: 'password' });

    const accepted = await anonymous.post(`/api/v1/invitations/${token}/accept`, {
      password: NEW_PASSWORD,
      name: ' Ny Persson ',
    });
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json<{ account: { id: string }; csrfToken: string }>();
    expect(body.account).toMatchObject({
      id: accountId,
      name: 'Ny Persson',
      memberships: [{ orgId: org.id, role: 'member' }],
    });
    const session = accepted.cookies.find((c) => c.name === 'riktning_session');
    expect(session?.httpOnly).toBe(true);
    expect(accepted.cookies.find((c) => c.name === 'riktning_csrf')?.value).toBe(body.csrfToken);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `riktning_session=${session?.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(accountId);

    const client = await ApiClient.signIn(app, email, NEW_PASSWORD);
    expect((await client.get(`/api/v1/orgs/${org.id}`)).statusCode).toBe(200);

    const actions = (await deps.db.select().from(auditEvents).where(eq(auditEvents.orgId, org.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['member.invite', 'invitation.issue', 'invitation.accept']));

    // A link works once.
    const reused = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: 'ett annat lösenord' });
    expect(reused.statusCode).toBe(404);
    expect(reused.json().code).toBe('invitation_invalid');
    expect((await anonymous.get(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
    expect(await ApiClient.signIn(app, email, NEW_PASSWORD)).toBeInstanceOf(ApiClient);
  });

  it('lets an account that is someone’s already join only signed in as itself, with one click', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { client: admin } = await signedIn(org.id, 'admin');
    const { org: home } = await createOrg(deps.db);
    const known = await createMember(deps.db, home.id, 'member', { name: 'Kerstin Känd' });
    const added = await admin.post(`/api/v1/orgs/${org.id}/members`, { email: known.email, name: 'X', role: 'admin' });
    expect(added.statusCode).toBe(201);
    const { token } = await mailedInvitation(deps.db, org.id, known.email);
    const url = `/api/v1/invitations/${token}`;

    // The page asks them to sign in; it names no one.
    const anonymous = ApiClient.anonymous(app);
    const shown = await anonymous.get(url);
    expect(shown.json()).toEqual({
      orgName: org.name,
      email: known.email,
      expiresAt: expect.any(String),
      acceptBy: 'sign_in',
    });
    // The link alone neither sets their password nor joins.
    const byPassword = await anonymous.post(`${url}/accept`, { password: NEW_PASSWORD });
    expect(byPassword.statusCode).toBe(409);
    expect(byPassword.json().code).toBe('invitation_sign_in');
    await expect(ApiClient.signIn(app, known.email, NEW_PASSWORD)).rejects.toThrow();
    expect((await anonymous.post(`${url}/join`)).statusCode).toBe(401);
    expect(await joinedOrgIds(deps, known.id)).toEqual([home.id]);

    const own = await ApiClient.signIn(app, known.email);
    const joined = await own.post(`${url}/join`);
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toEqual({ orgId: org.id, role: 'admin' });
    expect(await joinedOrgIds(deps, known.id)).toEqual([home.id, org.id].sort());
    expect((await own.get(`/api/v1/orgs/${org.id}/members/${known.id}`)).json()).toMatchObject({
      name: 'Kerstin Känd',
      role: 'admin',
    });
    const [accept] = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'invitation.accept')));
    expect(accept?.actorId).toBe(known.id);
    // Once.
    expect((await own.post(`${url}/join`)).statusCode).toBe(404);
    expect((await anonymous.get(url)).statusCode).toBe(404);
  });

  it('refuses anyone signed in as another account, for either kind of invitation', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { client: admin } = await signedIn(org.id, 'admin');
    const known = await createAccount(deps.db);
    await admin.post(`/api/v1/orgs/${org.id}/members`, { email: known.email, name: 'X', role: 'member' });
    const forKnown = await mailedInvitation(deps.db, org.id, known.email);
    const { token: forNew, accountId: newId } = await invitedPerson();

    // Someone else who got hold of the links: a member of the organisation, and a stranger.
    const bystanders = [
      (await signedIn(org.id, 'member')).client,
      await ApiClient.signIn(app, (await createAccount(deps.db)).email),
    ];
    for (const bystander of bystanders) {
      for (const token of [forKnown.token, forNew]) {
        const refused = await bystander.post(`/api/v1/invitations/${token}/join`);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().code).toBe('invitation_other_account');
      }
    }
    expect(await joinedOrgIds(deps, known.id)).toEqual([]);
    expect(await joinedOrgIds(deps, newId)).toEqual([]);
    // The invitations still work for the people they were for.
    expect(
      (await (await ApiClient.signIn(app, known.email)).post(`/api/v1/invitations/${forKnown.token}/join`)).statusCode,
    ).toBe(200);
    expect(
      (await ApiClient.anonymous(app).post(`/api/v1/invitations/${forNew}/accept`, { password: NEW_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('answers 404 for unknown links, in the caller’s language', async () => {
    const { app } = await testServer();
    for (const token of ['nothing-here', 'x'.repeat(43)]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/invitations/${token}`,
        headers: { 'accept-language': 'sv' },
      });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().title).toMatch(/^Inbjudningslänken fungerar inte/);
    }
  });

  it('refuses a weak password naming the field, and the link keeps working', async () => {
    const { app } = await testServer();
    const { token } = await invitedPerson();
    const anonymous = ApiClient.anonymous(app);
    const weak = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: 'password' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0]).toMatchObject({ field: '/body/password', code: 'password_too_common' });
    const extra = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: NEW_PASSWORD, role: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('/body/role');
    expect((await anonymous.get(`/api/v1/invitations/${token}`)).statusCode).toBe(200);
  });

  it('refuses a password built on the person, the organisation or the demo, and accepts a strong one', async () => {
    const { app } = await testServer();
    const { token, email, org } = await invitedPerson();
    const anonymous = ApiClient.anonymous(app);
    const cases: [string, string, string?][] = [
      ['        ', 'password_too_guessable'],
      ['aaaaaaaa', 'password_too_guessable'],
      [email, 'password_too_personal'],
      [`${org.name}!`, 'password_too_personal'],
      ['NyPerson2026', 'password_too_personal'],
      // The name the person gives as they accept counts too.
      ['Lindqvist2026', 'password_too_personal', 'Nora Lindqvist'],
      ['riktning-demo', 'password_too_common'],
    ];
    for (const [password, code, name] of cases) {
      const refused = await anonymous.post(`/api/v1/invitations/${token}/accept`, {
        password,
        ...(name ? { name } : {}),
      });
      expect(refused.statusCode, password).toBe(422);
      expect(refused.json().errors, password).toEqual([expect.objectContaining({ field: '/body/password', code })]);
    }
    const accepted = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
  });

  it('counts acceptance attempts per link, so people accepting their own links from one office do not block each other', async () => {
    const { deps } = await testServer();
    const { buildServer } = await import('../app.ts');
    const limited = await buildServer({ deps, loginRateLimit: 2 });
    try {
      const first = (await invitedPerson()).token;
      const second = (await invitedPerson()).token;
      const accept = (token: string, password: string) =>
        limited.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { password } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await accept(first, 'aaaaaaaa')).statusCode);
      expect(statuses).toEqual([422, 422, 429]);
      expect((await accept(second, NEW_PASSWORD)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('lets a link expire after 14 days', async () => {
    const { app, clock } = await testServer();
    const { token } = await invitedPerson();
    const anonymous = ApiClient.anonymous(app);
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + 14 * DAY_MS - 60_000));
      expect((await anonymous.get(`/api/v1/invitations/${token}`)).statusCode).toBe(200);
      clock.set(new Date(start.getTime() + 14 * DAY_MS + 60_000));
      expect((await anonymous.get(`/api/v1/invitations/${token}`)).statusCode).toBe(404);
      const late = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: NEW_PASSWORD });
      expect(late.statusCode).toBe(404);
      expect(late.json().code).toBe('invitation_invalid');
    } finally {
      clock.set(start);
    }
  });

  it('lets the first of two organisations inviting a new address set its password; the second is joined signed in', async () => {
    const { app, deps, clock } = await testServer();
    const { org, email, accountId, token } = await invitedPerson();
    // The test clock stands still: the later invitation must be later by it.
    const start = clock.now();
    try {
      clock.set(new Date(start.getTime() + 60_000));
      const { org: later } = await createOrg(deps.db);
      const { client: laterAdmin } = await signedIn(later.id, 'admin');
      expect(
        (await laterAdmin.post(`/api/v1/orgs/${later.id}/members`, { email, name: 'Någon', role: 'admin' })).statusCode,
      ).toBe(201);
      const second = (await mailedInvitation(deps.db, later.id, email)).token;
      // The later link cannot choose the password while the first invitation is open.
      const anonymous = ApiClient.anonymous(app);
      expect(
        (await anonymous.post(`/api/v1/invitations/${second}/accept`, { password: NEW_PASSWORD })).statusCode,
      ).toBe(404);

      expect((await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: NEW_PASSWORD })).statusCode).toBe(
        200,
      );
      expect((await anonymous.get(`/api/v1/invitations/${second}`)).json().acceptBy).toBe('sign_in');
      const person = await ApiClient.signIn(app, email, NEW_PASSWORD);
      expect((await person.post(`/api/v1/invitations/${second}/join`)).statusCode).toBe(200);
      expect(await joinedOrgIds(deps, accountId)).toEqual([org.id, later.id].sort());
    } finally {
      clock.set(start);
    }
  });

  it('issues a fresh link for a member who cannot sign in yet, and the older one stops working', async () => {
    const { app, deps } = await testServer();
    const { org, client, accountId, invitation } = await memberWithoutPassword();
    const first = tokenOf(invitation);
    const reissued = await client.post(`/api/v1/orgs/${org.id}/members/${accountId}/invitation`);
    expect(reissued.statusCode).toBe(201);
    const second = tokenOf(reissued.json<Invitation>());
    expect(second).not.toBe(first);

    const anonymous = ApiClient.anonymous(app);
    expect((await anonymous.get(`/api/v1/invitations/${first}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/v1/invitations/${second}`)).json().acceptBy).toBe('password');
    expect((await anonymous.post(`/api/v1/invitations/${first}/accept`, { password: NEW_PASSWORD })).statusCode).toBe(
      404,
    );
    expect((await anonymous.post(`/api/v1/invitations/${second}/accept`, { password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );
    const issued = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, 'invitation.issue')));
    expect(issued).toHaveLength(2);
    expect(await joinedOrgIds(deps, accountId)).toEqual([org.id]);
  });

  it('gives no link for a member who can already sign in (409 already_active)', async () => {
    const { deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const { client } = await signedIn(org.id, 'admin');
    const active = await createMember(deps.db, org.id, 'member');
    const refused = await client.post(`/api/v1/orgs/${org.id}/members/${active.id}/invitation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('already_active');
  });

  it('lets only admins issue links, only owners for an owner, and hides other organisations', async () => {
    const { app, deps } = await testServer();
    const { org, owner, client: admin, accountId } = await memberWithoutPassword();
    const url = `/api/v1/orgs/${org.id}/members/${accountId}/invitation`;
    for (const role of ['member', 'viewer'] as const) {
      const { client } = await signedIn(org.id, role);
      const response = await client.post(url);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    const { org: other } = await createOrg(deps.db);
    const { client: foreignAdmin } = await signedIn(other.id, 'admin');
    expect((await foreignAdmin.post(url)).statusCode).toBe(404);
    const theirs = await foreignAdmin.post(`/api/v1/orgs/${other.id}/members/${accountId}/invitation`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('not_found');
    expect((await admin.post(url)).statusCode).toBe(201);

    // The link lets its holder choose the password, so an admin cannot get one for an owner.
    const ownerClient = await ApiClient.signIn(app, owner.email);
    const futureOwner = await createMember(deps.db, org.id, 'owner', { passwordHash: null });
    const ownerUrl = `/api/v1/orgs/${org.id}/members/${futureOwner.id}/invitation`;
    expect((await admin.post(ownerUrl)).statusCode).toBe(403);
    expect((await ownerClient.post(ownerUrl)).statusCode).toBe(201);
  });

  it('sets a member’s password only from the organisation the person joined first', async () => {
    const { app, deps } = await testServer();
    const { accountId, invitation } = await memberWithoutPassword();
    const { org: later } = await createOrg(deps.db);
    await deps.db.insert(memberships).values({ orgId: later.id, accountId, role: 'admin' });
    const { client: laterAdmin } = await signedIn(later.id, 'admin');
    const refused = await laterAdmin.post(`/api/v1/orgs/${later.id}/members/${accountId}/invitation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invited_elsewhere');
    const accepted = await ApiClient.anonymous(app).post(`/api/v1/invitations/${tokenOf(invitation)}/accept`, {
      password: NEW_PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
  });

  it('stops a removed member’s link from working', async () => {
    const { app } = await testServer();
    const { org, client, accountId, invitation } = await memberWithoutPassword();
    expect((await client.delete(`/api/v1/orgs/${org.id}/members/${accountId}`)).statusCode).toBe(204);
    expect((await ApiClient.anonymous(app).get(`/api/v1/invitations/${tokenOf(invitation)}`)).statusCode).toBe(404);
  });

  it('lets one of two simultaneous accepts of the same link through, and makes one membership', async () => {
    const { app, deps } = await testServer();
    const { email, accountId, token } = await invitedPerson();
    const url = `/api/v1/invitations/${token}/accept`;
    const anonymous = ApiClient.anonymous(app);
    const answers = await Promise.all([
      anonymous.post(url, { password: NEW_PASSWORD }),
      anonymous.post(url, { password: 'ett helt annat lösenord' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 404]);
    const winner = answers.findIndex((a) => a.statusCode === 200);
    await expect(
      ApiClient.signIn(app, email, winner === 0 ? NEW_PASSWORD : 'ett helt annat lösenord'),
    ).resolves.toBeInstanceOf(ApiClient);
    expect(await joinedOrgIds(deps, accountId)).toHaveLength(1);
  });
});
