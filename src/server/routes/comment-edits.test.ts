import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ApiClient } from '../../test/server.ts';
import { conversationWorld } from '../../test/conversation-world.ts';
import { createOrg } from '../../test/factories.ts';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { mentionToken } from '../../core/mentions.ts';

async function world() {
  const base = await conversationWorld();
  const { app, clock, sara, olle, objective } = base;
  const author = await ApiClient.signIn(app, sara.email);
  clock.set('2026-05-15T10:00:00Z');
  const created = await author.post(`/api/v1/objectives/${objective.id}/comments`, {
    body: `Hej ${mentionToken('Olle Berg', olle.id)}, hemligt förslag`,
  });
  expect(created.statusCode).toBe(201);
  return { ...base, author, comment: created.json() };
}

type World = Awaited<ReturnType<typeof world>>;
const mailsTo = async (w: World, accountId: string) =>
  (
    await w.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.orgId, w.org.id), eq(outboxMessages.recipientId, accountId)))
  ).length;
const auditOf = (w: World, action: string) =>
  w.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, w.comment.id), eq(auditEvents.action, action)));

describe('editing and removing comments', () => {
  it('lets the author edit with If-Match, marks it edited, audits before and after, mails only new mentions', async () => {
    const w = await world();
    expect(w.comment).toMatchObject({
      version: 1,
      editedAt: null,
      deletedAt: null,
      abilities: { 'comment.update': true, 'comment.delete': true },
    });
    const url = `/api/v1/comments/${w.comment.id}`;
    const body = `Hej ${mentionToken('Olle Berg', w.olle.id)} och ${mentionToken('Pia Ek', w.pia.id)}, nytt förslag`;
    expect((await w.author.patch(url, { body })).statusCode).toBe(428);
    w.clock.set('2026-05-15T10:05:00Z');
    const edited = await w.author.patch(url, { body }, { headers: { 'if-match': '"1"' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json()).toMatchObject({
      body,
      version: 2,
      editedAt: '2026-05-15T10:05:00.000Z',
      authorName: 'Sara Lind',
    });
    // Stale: someone read version 1.
    const stale = await w.author.patch(url, { body: 'igen' }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);

    const [audit] = await auditOf(w, 'comment.update');
    expect(audit).toMatchObject({
      actorId: w.sara.id,
      objectiveId: w.objective.id,
      before: { body: `Hej ${mentionToken('Olle Berg', w.olle.id)}, hemligt förslag`, mentions: [w.olle.id] },
      after: { body, mentions: [w.olle.id, w.pia.id] },
    });
    // Olle was mailed for the first version, and not again; Pia, newly mentioned, once.
    expect([await mailsTo(w, w.olle.id), await mailsTo(w, w.pia.id)]).toEqual([1, 1]);
    // Editing again with the same mentions mails nobody.
    await w.author.patch(url, { body: `${body}!` }, { headers: { 'if-match': '"2"' } });
    expect([await mailsTo(w, w.olle.id), await mailsTo(w, w.pia.id)]).toEqual([1, 1]);
    // Mentions in an edit are checked as in a new comment.
    const stranger = (await createOrg(w.deps.db)).owner;
    const refused = await w.author.patch(
      url,
      { body: mentionToken('X', stranger.id) },
      { headers: { 'if-match': '"3"' } },
    );
    expect(refused.statusCode).toBe(422);
  });

  it('refuses edits by anyone but the author: other members, admins and viewers', async () => {
    const w = await world();
    const url = `/api/v1/comments/${w.comment.id}`;
    const headers = { 'if-match': '"1"' };
    for (const person of [w.olle, w.owner, w.viewer]) {
      const client = await ApiClient.signIn(w.app, person.email);
      expect((await client.patch(url, { body: 'Mina ord' }, { headers })).statusCode, person.name).toBe(403);
      // In their view of the conversation, too.
      const listed = (await client.get(`/api/v1/objectives/${w.objective.id}/comments`)).json().items[0];
      expect(listed.abilities['comment.update'], person.name).toBe(false);
    }
    // Removing: another member and a viewer may not; an admin may.
    for (const person of [w.olle, w.viewer]) {
      const client = await ApiClient.signIn(w.app, person.email);
      expect((await client.delete(url)).statusCode, person.name).toBe(403);
    }
    const admin = await ApiClient.signIn(w.app, w.owner.email);
    const asSeen = (await admin.get(`/api/v1/objectives/${w.objective.id}/comments`)).json().items[0];
    expect(asSeen.abilities).toEqual({ 'comment.update': false, 'comment.delete': true });
    expect((await admin.delete(url)).statusCode).toBe(204);
    const [audit] = await auditOf(w, 'comment.delete');
    expect(audit).toMatchObject({
      actorId: w.owner.id,
      objectiveId: w.objective.id,
      before: { authorId: w.sara.id, body: `Hej ${mentionToken('Olle Berg', w.olle.id)}, hemligt förslag` },
    });
  });

  it('keeps a removed comment in its place without its text, in the list and in the feed; it cannot be edited', async () => {
    const w = await world();
    w.clock.set('2026-05-15T10:01:00Z');
    await w.author.post(`/api/v1/objectives/${w.objective.id}/comments`, { body: 'Andra kommentaren' });
    const feedBefore = (await w.author.get(`/api/v1/orgs/${w.org.id}/feed?objectiveId=${w.objective.id}`)).json();
    expect(JSON.stringify(feedBefore)).toContain('hemligt förslag');

    expect((await w.author.delete(`/api/v1/comments/${w.comment.id}`)).statusCode).toBe(204);
    const list = (await w.author.get(`/api/v1/objectives/${w.objective.id}/comments`)).json();
    expect(list.items.map((c: { body: string }) => c.body)).toEqual(['', 'Andra kommentaren']);
    expect(list.items[0]).toMatchObject({
      id: w.comment.id,
      authorId: null,
      authorName: null,
      deletedAt: '2026-05-15T10:01:00.000Z',
      abilities: { 'comment.update': false, 'comment.delete': false },
    });
    expect(JSON.stringify(list)).not.toContain('hemligt');
    const feed = (await w.author.get(`/api/v1/orgs/${w.org.id}/feed?objectiveId=${w.objective.id}`)).json();
    expect(JSON.stringify(feed)).not.toContain('hemligt');
    expect(feed.items.filter((i: { action: string }) => i.action === 'comment.create')).toHaveLength(2);

    const url = `/api/v1/comments/${w.comment.id}`;
    expect((await w.author.patch(url, { body: 'Tillbaka' }, { headers: { 'if-match': '"2"' } })).statusCode).toBe(404);
    expect((await w.author.delete(url)).statusCode).toBe(404);
  });

  it('quotes the edited text in the feed, not the first one', async () => {
    const w = await world();
    await w.author.patch(`/api/v1/comments/${w.comment.id}`, { body: 'Rättat' }, { headers: { 'if-match': '"1"' } });
    const feed = (await w.author.get(`/api/v1/orgs/${w.org.id}/feed?objectiveId=${w.objective.id}`)).json();
    expect(feed.items.map((i: { details: { excerpt?: string } }) => i.details.excerpt)).toEqual(['Rättat']);
  });

  it("answers 404 for another organisation's comment, and for an id that is no comment", async () => {
    const w = await world();
    const other = await createOrg(w.deps.db);
    const foreign = await ApiClient.signIn(w.app, other.owner.email);
    const url = `/api/v1/comments/${w.comment.id}`;
    expect((await foreign.patch(url, { body: 'x' }, { headers: { 'if-match': '"1"' } })).statusCode).toBe(404);
    expect((await foreign.delete(url)).statusCode).toBe(404);
    expect((await w.author.delete(`/api/v1/comments/${w.objective.id}`)).statusCode).toBe(404);
  });
});
