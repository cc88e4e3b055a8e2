import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountAuditEvents, outboxMessages } from '../../db/schema.ts';
import { enqueueMessage } from '../../app/notifications/enqueue.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { createMember, createOrg } from '../../test/factories.ts';

const ifMatch = (etag: string | undefined) => ({ headers: { 'if-match': etag ?? '' } });

const mention = (orgId: string, recipientId: string, tag: string) => ({
  orgId,
  recipientId,
  kind: 'mention' as const,
  dedupeKey: `mention:${orgId}:${recipientId}:${tag}`,
  params: { authorName: 'Anna', objectiveTitle: 'Fler kunder', excerpt: `Titta här ${tag}`, link: 'http://x/y' },
});

describe('notification settings', () => {
  it('are all on until switched off; a switch is audited, versioned, and stops that kind of e-mail', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const person = await createMember(deps.db, org.id, 'member');
    const client = await ApiClient.signIn(app, person.email);

    const read = await client.get('/api/v1/me/notifications');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ checkInReminders: true, weeklyDigest: true, mentions: true, version: 1 });

    const changed = await client.patch('/api/v1/me/notifications', { mentions: false }, ifMatch(read.headers.etag));
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toEqual({ checkInReminders: true, weeklyDigest: true, mentions: false, version: 2 });
    // The other switches are kept as they were.
    const again = await client.patch('/api/v1/me/notifications', { weeklyDigest: false }, ifMatch('"2"'));
    expect(again.json()).toMatchObject({ weeklyDigest: false, mentions: false });

    const stale = await client.patch('/api/v1/me/notifications', { mentions: true }, ifMatch('"1"'));
    expect(stale.statusCode).toBe(412);
    expect((await client.patch('/api/v1/me/notifications', { mentions: true })).statusCode).toBe(428);
    expect((await client.patch('/api/v1/me/notifications', {}, ifMatch('"3"'))).statusCode).toBe(400);
    expect((await client.patch('/api/v1/me/notifications', { sms: true }, ifMatch('"3"'))).statusCode).toBe(400);

    const [audit] = await deps.db
      .select()
      .from(accountAuditEvents)
      .where(
        and(eq(accountAuditEvents.actorId, person.id), eq(accountAuditEvents.action, 'account.notifications_update')),
      )
      .orderBy(accountAuditEvents.id)
      .limit(1);
    expect(audit).toMatchObject({
      before: { checkInReminders: true, weeklyDigest: true, mentions: true },
      after: { checkInReminders: true, weeklyDigest: true, mentions: false },
    });
    expect(await enqueueMessage(deps.db, mention(org.id, person.id, 'opted-out'))).toBe(false);
  });
});

describe('the outbox', () => {
  it('shows admins the organisation’s messages newest first, filtered and paged, each readable in full', async () => {
    const { app, deps } = await testServer();
    const { org, owner } = await createOrg(deps.db);
    const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara', locale: 'sv' });
    const tom = await createMember(deps.db, org.id, 'member', { name: 'Tom', locale: 'en' });
    for (const [i, person] of [sara, tom, sara].entries()) {
      const message = mention(org.id, person.id, String(i));
      await enqueueMessage(deps.db, message);
      // A minute apart, so the order does not hang on two inserts in the same millisecond.
      await deps.db
        .update(outboxMessages)
        .set({ createdAt: new Date(Date.UTC(2026, 4, 1, 10, i)) })
        .where(eq(outboxMessages.dedupeKey, message.dedupeKey));
    }
    const other = await createOrg(deps.db);
    await enqueueMessage(deps.db, mention(other.org.id, other.owner.id, 'elsewhere'));
    const [foreignMessage] = await deps.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(eq(outboxMessages.orgId, other.org.id));

    const admin = await ApiClient.signIn(app, owner.email);
    const url = `/api/v1/orgs/${org.id}/outbox`;
    const first = await admin.get(`${url}?limit=2`);
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.mailEnabled).toBe(false);
    expect(page.items.map((m: { recipientName: string }) => m.recipientName)).toEqual(['Sara', 'Tom']);
    expect(page.items[0]).toMatchObject({
      kind: 'mention',
      locale: 'sv',
      status: 'pending',
      subject: 'Anna nämnde dig på ”Fler kunder”',
      toAddress: sara.email,
    });
    expect(page.items[0].textBody).toBeUndefined();
    const second = (await admin.get(`${url}?limit=2&cursor=${page.nextCursor}`)).json();
    expect(second.items.map((m: { recipientName: string }) => m.recipientName)).toEqual(['Sara']);
    expect(second.nextCursor).toBeNull();

    const toTom = (await admin.get(`${url}?recipientId=${tom.id}&kind=mention&status=pending`)).json();
    expect(toTom.items).toHaveLength(1);
    expect(toTom.items[0].subject).toBe('Anna mentioned you on “Fler kunder”');
    expect((await admin.get(`${url}?status=sent`)).json().items).toEqual([]);
    expect((await admin.get(`${url}?status=lost`)).statusCode).toBe(400);
    expect((await admin.get(`${url}?cursor=nonsense`)).statusCode).toBe(422);

    const one = await admin.get(`${url}/${toTom.items[0].id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().textBody).toContain('Titta här 1');
    expect((await admin.get(`${url}/${foreignMessage?.id}`)).statusCode).toBe(404);

    const member = await ApiClient.signIn(app, sara.email);
    expect((await member.get(url)).statusCode).toBe(403);
    expect((await member.get(`${url}/${toTom.items[0].id}`)).statusCode).toBe(403);
  });
});
