import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ApiClient } from '../../test/server.ts';
import {
  addToUnit,
  createKeyResult,
  createObjective,
  createOrg,
  createPrivateObjective,
  createUnit,
} from '../../test/factories.ts';
import { createAppCaches } from '../../app/caches.ts';
import { listComments } from '../../app/comments/list-comments.ts';
import { countStatements } from '../../test/statements.ts';
import { auditEvents, comments, outboxMessages } from '../../db/schema.ts';
import { mentionToken } from '../../core/mentions.ts';
import { conversationWorld } from '../../test/conversation-world.ts';

const outboxOf = (deps: Awaited<ReturnType<typeof conversationWorld>>['deps'], orgId: string) =>
  deps.db.select().from(outboxMessages).where(eq(outboxMessages.orgId, orgId));

describe('comments API', () => {
  it('stores a comment with a mention and mails the mentioned person in their language, with a link', async () => {
    const { app, deps, org, sara, olle, objective } = await conversationWorld();
    const client = await ApiClient.signIn(app, olle.email);
    const body = `Snyggt jobbat ${mentionToken(sara.name, sara.id)}! Se **siffrorna**.`;
    const response = await client.post(`/api/v1/objectives/${objective.id}/comments`, { body });
    expect(response.statusCode).toBe(201);
    const comment = response.json();
    expect(comment).toMatchObject({ body, authorId: olle.id, authorName: 'Olle Berg', keyResultId: null });

    const outbox = await outboxOf(deps, org.id);
    expect(outbox).toHaveLength(1);
    const [message] = outbox;
    expect(message).toMatchObject({
      recipientId: sara.id,
      toAddress: sara.email,
      kind: 'mention',
      locale: 'sv',
      dedupeKey: `mention:${comment.id}:${sara.id}`,
      status: 'pending',
      subject: 'Olle Berg nämnde dig på ”Fler deltagare”',
    });
    // Plain text, as the comment reads: the mention as @Name, Markdown's marks gone.
    expect(message?.textBody).toContain('Snyggt jobbat @Sara Lind! Se siffrorna.');
    expect(message?.textBody).toContain(
      `Svara i Riktning: http://localhost:3000/orgs/${org.id}/objectives/${objective.id}#comment-${comment.id}`,
    );

    const [audit] = await deps.db.select().from(auditEvents).where(eq(auditEvents.entityId, comment.id));
    expect(audit).toMatchObject({
      action: 'comment.create',
      entityType: 'comment',
      objectiveId: objective.id,
      actorId: olle.id,
      after: { body, keyResultId: null, mentions: [sara.id] },
    });
  });

  it('mails each person once, never the author, and in English to those who read English', async () => {
    const { app, deps, org, sara, olle, objective } = await conversationWorld();
    const client = await ApiClient.signIn(app, sara.email);
    const body = [mentionToken('Olle', olle.id), mentionToken('Sara', sara.id), mentionToken('Olle B', olle.id)].join(
      ' ',
    );
    const response = await client.post(`/api/v1/objectives/${objective.id}/comments`, { body });
    expect(response.statusCode).toBe(201);
    const outbox = await outboxOf(deps, org.id);
    expect(outbox.map((m) => [m.recipientId, m.locale, m.subject])).toEqual([
      [olle.id, 'en', 'Sara Lind mentioned you on “Fler deltagare”'],
    ]);
  });

  it('does not mail a mentioned member who may not read the objective', async () => {
    const { app, deps, org, owner, cycle, sara, olle } = await conversationWorld();
    const unit = await createUnit(deps.db, org.id, { name: 'Marknad' });
    await addToUnit(deps.db, org.id, unit.id, olle.id, 'lead');
    const privateOne = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'person', personId: sara.id },
      { visibility: 'private', title: 'Min utveckling' },
    );
    const draft = await createObjective(
      deps.db,
      org.id,
      cycle.id,
      { level: 'unit', unitId: unit.id },
      { lifecycle: 'draft' },
    );
    const admin = await ApiClient.signIn(app, owner.email);
    // The owner (an admin) may read Sara's private objective; Olle may not.
    const onPrivate = await admin.post(`/api/v1/objectives/${privateOne.id}/comments`, {
      body: `${mentionToken('Olle', olle.id)} ${mentionToken('Sara', sara.id)}`,
    });
    expect(onPrivate.statusCode).toBe(201);
    // A unit's draft is read by its lead (Olle), not by Sara.
    const onDraft = await admin.post(`/api/v1/objectives/${draft.id}/comments`, {
      body: `${mentionToken('Olle', olle.id)} ${mentionToken('Sara', sara.id)}`,
    });
    expect(onDraft.statusCode).toBe(201);
    const outbox = await outboxOf(deps, org.id);
    expect(outbox.map((m) => [m.recipientId, m.dedupeKey.split(':')[1]]).sort()).toEqual(
      [
        [sara.id, onPrivate.json().id],
        [olle.id, onDraft.json().id],
      ].sort(),
    );
  });

  it('refuses a mention of someone who is not a member, and writes nothing', async () => {
    const { app, deps, org, olle, objective } = await conversationWorld();
    const stranger = (await createOrg(deps.db)).owner;
    const client = await ApiClient.signIn(app, olle.email);
    const response = await client.post(
      `/api/v1/objectives/${objective.id}/comments`,
      { body: `Hej ${mentionToken('Främling', stranger.id)}` },
      { headers: { 'accept-language': 'sv' } },
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      {
        field: '/body/body',
        code: 'mention_not_member',
        message: 'mentions someone who is not a member of this organisation',
      },
    ]);
    expect(await deps.db.select().from(comments).where(eq(comments.objectiveId, objective.id))).toEqual([]);
    expect(await outboxOf(deps, org.id)).toEqual([]);
  });

  it('lets viewers read but not write, and filters by key result', async () => {
    const { app, deps, clock, org, olle, viewer, objective } = await conversationWorld();
    const kr = await createKeyResult(deps.db, org.id, objective.id, { title: 'E-post ger 100 anmälningar' });
    const writer = await ApiClient.signIn(app, olle.email);
    clock.set('2026-05-15T10:00:00Z');
    const onObjective = await writer.post(`/api/v1/objectives/${objective.id}/comments`, { body: 'Om målet' });
    clock.set('2026-05-15T10:01:00Z');
    const onKr = await writer.post(`/api/v1/objectives/${objective.id}/comments`, {
      body: 'Om nyckelresultatet',
      keyResultId: kr.id,
    });
    expect([onObjective.statusCode, onKr.statusCode]).toEqual([201, 201]);

    const reader = await ApiClient.signIn(app, viewer.email);
    const all = await reader.get(`/api/v1/objectives/${objective.id}/comments`);
    expect(all.json().items.map((c: { body: string }) => c.body)).toEqual(['Om målet', 'Om nyckelresultatet']);
    const aboutKr = await reader.get(`/api/v1/objectives/${objective.id}/comments?keyResultId=${kr.id}`);
    expect(aboutKr.json().items.map((c: { body: string }) => c.body)).toEqual(['Om nyckelresultatet']);
    const refused = await reader.post(`/api/v1/objectives/${objective.id}/comments`, { body: 'Får jag?' });
    expect(refused.statusCode).toBe(403);
  });

  it('pages a conversation oldest first, also through comments of the same moment', async () => {
    const { app, deps, clock, org, olle, objective } = await conversationWorld();
    const writer = await ApiClient.signIn(app, olle.email);
    for (const n of [1, 2, 3, 4, 5]) {
      // Two comments in the same millisecond keep the order of their ids.
      clock.set(`2026-05-15T10:0${n % 3}:00Z`);
      await writer.post(`/api/v1/objectives/${objective.id}/comments`, { body: `#${n}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { body: string }[]; nextCursor: string | null } = (
        await writer.get(`/api/v1/objectives/${objective.id}/comments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((c) => c.body));
      cursor = page.nextCursor;
    } while (cursor);
    // By time (#3; #1 and #4; #2 and #5), then id: pages end inside groups of equal time.
    expect([seen[0], seen.slice(1, 3).sort(), seen.slice(3).sort()]).toEqual(['#3', ['#1', '#4'], ['#2', '#5']]);
    const stored = await deps.db
      .select({ n: comments.id })
      .from(comments)
      .where(and(eq(comments.orgId, org.id), eq(comments.objectiveId, objective.id)));
    expect(stored).toHaveLength(5);
    // A cursor that decodes but names no row is bad input, not a failing cast in the database.
    const forged = Buffer.from(JSON.stringify(['gestern', 'x'])).toString('base64url');
    expect((await writer.get(`/api/v1/objectives/${objective.id}/comments?cursor=${forged}`)).statusCode).toBe(422);
  });

  it('reads a conversation in one round with the check that the reader may see the objective', async () => {
    const { deps, org, cycle, sara, viewer, objective } = await conversationWorld();
    const caller = { accountId: viewer.id, caches: createAppCaches() };
    await listComments(deps, caller, objective.id, {}); // the caches: the objective's organisation, the membership
    const counting = countStatements(deps.db);
    await listComments({ ...deps, db: counting.db }, caller, objective.id, {});
    expect({ statements: counting.statements(), rounds: counting.rounds() }).toEqual({ statements: 2, rounds: 1 });
    // Someone else's private objective is not found, whatever else is wrong with the question.
    const secret = await createPrivateObjective(deps.db, org.id, cycle.id, sara.id);
    await expect(listComments(deps, caller, secret.id, { cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
