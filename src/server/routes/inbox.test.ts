// The inbox (the header's bell): who a comment tells, what they see, and marking it read.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAppCaches, forgetOkrAnswers } from '../../app/caches.ts';
import { listInbox } from '../../app/inbox/list-inbox.ts';
import { mentionToken } from '../../core/mentions.ts';
import { addToUnit, createObjective, createOrg, createPrivateObjective, createUnit } from '../../test/factories.ts';
import { conversationWorld } from '../../test/conversation-world.ts';
import { objectives } from '../../db/schema.ts';
import { ApiClient } from '../../test/server.ts';
import { countStatements } from '../../test/statements.ts';

interface Inbox {
  items: { id: string; kind: string; read: boolean; commentId: string; objectiveId: string; createdAt: string }[];
  unread: number;
  nextCursor: string | null;
}

/** The conversation world, with Pia's own objective to comment on and a way to read inboxes. */
async function inboxWorld() {
  const world = await conversationWorld();
  const { app, deps, org, cycle, pia } = world;
  const piasObjective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'person', personId: pia.id },
    { title: 'Pias mål' },
  );
  const signIn = (email: string) => ApiClient.signIn(app, email);
  const comment = async (client: ApiClient, objectiveId: string, body: string) => {
    const response = await client.post(`/api/v1/objectives/${objectiveId}/comments`, { body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number }>();
  };
  const inbox = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/v1/orgs/${org.id}/inbox${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Inbox>();
  };
  const markRead = (client: ApiClient, body: object) => client.post(`/api/v1/orgs/${org.id}/inbox/read`, body);
  return { ...world, piasObjective, signIn, comment, inbox, markRead };
}

describe('inbox API', () => {
  it('tells the mentioned a mention and the objective’s owner a comment, never the author', async () => {
    const { clock, sara, olle, pia, piasObjective, signIn, comment, inbox } = await inboxWorld();
    const [asOlle, asSara, asPia] = [await signIn(olle.email), await signIn(sara.email), await signIn(pia.email)];
    const written = await comment(asOlle, piasObjective.id, `Bra ${mentionToken(sara.name, sara.id)}! **Se** mer.`);

    const saras = await inbox(asSara);
    expect(saras).toEqual({
      items: [
        {
          id: expect.any(String),
          kind: 'mention',
          read: false,
          createdAt: expect.any(String),
          authorName: 'Olle Berg',
          objectiveId: piasObjective.id,
          objectiveTitle: 'Pias mål',
          commentId: written.id,
          excerpt: 'Bra @Sara Lind! Se mer.',
        },
      ],
      unread: 1,
      nextCursor: null,
    });
    expect((await inbox(asPia)).items.map((i) => i.kind)).toEqual(['comment']);
    expect(await inbox(asOlle)).toEqual({ items: [], unread: 0, nextCursor: null });

    // The owner mentioned is told once, as mentioned; the author mentioning themself, not at all.
    clock.set('2026-05-15T11:00:00.000Z');
    await comment(asOlle, piasObjective.id, `${mentionToken(pia.name, pia.id)} ${mentionToken(olle.name, olle.id)}`);
    expect((await inbox(asPia)).items.map((i) => i.kind)).toEqual(['mention', 'comment']);
    expect((await inbox(asOlle)).unread).toBe(0);
  });

  it('tells a unit objective’s own leads, and nobody for the organisation’s objectives', async () => {
    const { deps, org, cycle, sara, olle, objective, signIn, comment, inbox } = await inboxWorld();
    const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
    await addToUnit(deps.db, org.id, unit.id, sara.id, 'lead');
    const teams = await createObjective(deps.db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
    const [asOlle, asSara] = [await signIn(olle.email), await signIn(sara.email)];
    await comment(asOlle, objective.id, 'Om organisationens mål');
    expect((await inbox(asSara)).unread).toBe(0);
    await comment(asOlle, teams.id, 'Om teamets mål');
    expect((await inbox(asSara)).items.map((i) => [i.kind, i.objectiveId])).toEqual([['comment', teams.id]]);
  });

  it('tells nobody who may not read the objective, and a newly mentioned person once on an edit', async () => {
    const { deps, org, cycle, owner, sara, olle, signIn, comment, inbox } = await inboxWorld();
    const secret = await createPrivateObjective(deps.db, org.id, cycle.id, sara.id);
    const [asOwner, asOlle, asSara] = [await signIn(owner.email), await signIn(olle.email), await signIn(sara.email)];
    await comment(asOwner, secret.id, `Hemligt, ${mentionToken(olle.name, olle.id)}`);
    expect((await inbox(asOlle)).unread).toBe(0);
    expect((await inbox(asSara)).items.map((i) => i.kind)).toEqual(['comment']);

    const open = await createObjective(deps.db, org.id, cycle.id, { level: 'organization' });
    const written = await comment(asSara, open.id, 'Först utan nämnande');
    const edit = (body: string, version: number) =>
      asSara.patch(`/api/v1/comments/${written.id}`, { body }, { headers: { 'if-match': `"${version}"` } });
    expect((await edit(`Nu med ${mentionToken(olle.name, olle.id)}`, written.version)).statusCode).toBe(200);
    expect((await edit(`Igen ${mentionToken(olle.name, olle.id)}`, written.version + 1)).statusCode).toBe(200);
    expect((await inbox(asOlle)).items.map((i) => [i.kind, i.commentId])).toEqual([['mention', written.id]]);
  });

  it('pages newest first, counts every unread, and marks some or all read', async () => {
    const { clock, sara, olle, objective, signIn, comment, inbox, markRead } = await inboxWorld();
    const [asOlle, asSara] = [await signIn(olle.email), await signIn(sara.email)];
    const written = [];
    for (const minute of [1, 2, 3]) {
      clock.set(`2026-05-15T10:0${minute}:00.000Z`);
      written.push(await comment(asOlle, objective.id, `${minute} ${mentionToken(sara.name, sara.id)}`));
    }
    const first = await inbox(asSara, '?limit=2');
    expect(first.items.map((i) => i.commentId)).toEqual([written[2]?.id, written[1]?.id]);
    expect(first.unread).toBe(3);
    const second = await inbox(asSara, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.commentId)).toEqual([written[0]?.id]);
    expect(second).toMatchObject({ unread: 3, nextCursor: null });

    const some = await markRead(asSara, { ids: [first.items[0]?.id] });
    expect(some.statusCode, some.body).toBe(200);
    expect(some.json()).toEqual({ unread: 2 });
    expect((await inbox(asSara)).items.map((i) => i.read)).toEqual([true, false, false]);
    // Another person's notification is not among one's own: nothing changes.
    expect((await markRead(asOlle, { ids: [first.items[1]?.id] })).json()).toEqual({ unread: 0 });
    expect((await inbox(asSara)).unread).toBe(2);
    expect((await markRead(asSara, {})).json()).toEqual({ unread: 0 });
    expect((await inbox(asSara)).items.map((i) => i.read)).toEqual([true, true, true]);
  });

  it('refuses a bad body or cursor, naming the field', async () => {
    const { olle, signIn, markRead, org } = await inboxWorld();
    const asOlle = await signIn(olle.email);
    for (const [body, field] of [
      [{ ids: ['not-a-uuid'] }, '/body/ids/0'],
      [{ ids: [] }, '/body/ids'],
      [{ everything: true }, '/body/everything'],
    ] as const) {
      const response = await markRead(asOlle, body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const cursor = await asOlle.get(`/api/v1/orgs/${org.id}/inbox?cursor=nonsense`);
    expect(cursor.statusCode).toBe(422);
    expect(cursor.json().errors[0].field).toBe('/query/cursor');
  });

  it('shows nothing of another organisation, and hides an archived objective’s or a removed comment’s', async () => {
    const { deps, owner, sara, olle, objective, piasObjective, signIn, comment, inbox } = await inboxWorld();
    const [asOwner, asOlle, asSara] = [await signIn(owner.email), await signIn(olle.email), await signIn(sara.email)];
    await comment(asOlle, objective.id, `Om målet ${mentionToken(sara.name, sara.id)}`);
    const removed = await comment(asOlle, piasObjective.id, `Tas bort ${mentionToken(sara.name, sara.id)}`);
    expect((await inbox(asSara)).unread).toBe(2);

    const other = await createOrg(deps.db);
    const stranger = await signIn(other.owner.email);
    const foreignRead = await stranger.get(`/api/v1/orgs/${objective.orgId}/inbox`);
    expect(foreignRead.statusCode).toBe(404);
    const foreignMark = await stranger.post(`/api/v1/orgs/${objective.orgId}/inbox/read`, {});
    expect(foreignMark.statusCode).toBe(404);
    expect((await inbox(asSara)).unread).toBe(2);

    expect((await asOlle.delete(`/api/v1/comments/${removed.id}`)).statusCode).toBe(204);
    expect((await asOwner.delete(`/api/v1/objectives/${objective.id}`)).statusCode).toBe(204);
    expect(await inbox(asSara)).toEqual({ items: [], unread: 0, nextCursor: null });
  });

  it('shows a notification about an objective made private only to those who may still read it', async () => {
    const { deps, owner, sara, olle, pia, piasObjective, signIn, comment, inbox } = await inboxWorld();
    const asOlle = await signIn(olle.email);
    await comment(
      asOlle,
      piasObjective.id,
      `Till ${mentionToken(sara.name, sara.id)} och ${mentionToken(owner.name, owner.id)}`,
    );
    const [asSara, asOwner, asPia] = [await signIn(sara.email), await signIn(owner.email), await signIn(pia.email)];
    for (const reader of [asSara, asOwner, asPia]) expect((await inbox(reader)).unread).toBe(1);

    await deps.db.update(objectives).set({ visibility: 'private' }).where(eq(objectives.id, piasObjective.id));
    // Written past the server, so the test drops what the server keeps, as the server's writes do.
    forgetOkrAnswers(deps);
    // Sara may no longer read it; the owner reads every objective, Pia her own.
    expect(await inbox(asSara)).toEqual({ items: [], unread: 0, nextCursor: null });
    for (const reader of [asOwner, asPia]) {
      const page = await inbox(reader);
      expect(page.unread).toBe(1);
      expect(page.items.map((item) => item.objectiveId)).toEqual([piasObjective.id]);
    }
  });

  it('reads a page and the unread count in one statement', async () => {
    const { org, sara, olle, objective, deps, signIn, comment } = await inboxWorld();
    const asOlle = await signIn(olle.email);
    for (let i = 0; i < 3; i++) await comment(asOlle, objective.id, `${i} ${mentionToken(sara.name, sara.id)}`);
    const caller = { accountId: sara.id, caches: createAppCaches() };
    const counted = async () => {
      const counting = countStatements(deps.db);
      const inbox = await listInbox({ ...deps, db: counting.db }, caller, org.id, { limit: 2 });
      return { statements: counting.statements(), items: inbox.items.length, unread: inbox.unread };
    };
    // The first fills the membership cache: scope, then the inbox.
    expect(await counted()).toEqual({ statements: 2, items: 2, unread: 3 });
    expect(await counted()).toEqual({ statements: 1, items: 2, unread: 3 });
  });
});
