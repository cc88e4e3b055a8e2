// Slack and Teams channels through the API: who may keep which channel, the URL checked per
// chat and never answered whole (nor audited), bad input named, stale edits refused.
import { and, eq } from 'drizzle-orm';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createAppCaches } from '../../app/caches.ts';
import { buildServer, LOG_REDACT } from '../app.ts';
import { auditEvents } from '../../db/schema.ts';
import { addToUnit, createMember, createOrg, createUnit } from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';

const SLACK = 'https://hooks.slack.com/services/T0001/B0001/SECRETSECRETSECRETwxyz';
const TEAMS = 'https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/SECRETSECRET/ghij';

async function world() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const unit = await createUnit(deps.db, org.id, { name: 'Säljteamet' });
  const lead = await createMember(deps.db, org.id, 'member');
  const member = await createMember(deps.db, org.id, 'member');
  await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
  await addToUnit(deps.db, org.id, unit.id, member.id, 'member');
  return {
    deps,
    org,
    unit,
    admin: await ApiClient.signIn(app, owner.email),
    lead: await ApiClient.signIn(app, lead.email),
    member: await ApiClient.signIn(app, member.email),
  };
}

describe('chat channels', () => {
  it('adds the organisation’s Slack channel with the default messages; the URL is only ever answered masked', async () => {
    const { deps, org, admin } = await world();
    const created = await admin.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'slack', url: SLACK });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const channel = created.json();
    expect(channel).toMatchObject({
      unitId: null,
      unitName: null,
      kind: 'slack',
      maskedUrl: 'hooks.slack.com/…wxyz',
      messages: ['weekly-digest', 'check-ins-due', 'cycle-closing'],
      version: 1,
    });
    expect(created.body).not.toContain('SECRET');
    const listed = await admin.get(`/api/v1/orgs/${org.id}/chat-channels`);
    expect(listed.json()).toEqual([channel]);
    expect(listed.body).not.toContain('SECRET');

    const audited = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.entityId, channel.id)));
    expect(audited.map((event) => event.action)).toEqual(['chat_channel.create']);
    expect(JSON.stringify(audited)).not.toContain('SECRET');

    expect((await admin.delete(`/api/v1/chat-channels/${channel.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/orgs/${org.id}/chat-channels`)).json()).toEqual([]);
    expect((await admin.delete(`/api/v1/chat-channels/${channel.id}`)).statusCode).toBe(404);
  });

  it('names what is wrong: an unknown chat, a missing URL, another chat’s URL, a loopback address, an unknown unit', async () => {
    const { org, admin } = await world();
    const post = (body: object) => admin.post(`/api/v1/orgs/${org.id}/chat-channels`, body);

    const unknownKind = await post({ kind: 'discord', url: SLACK });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.body).toContain('/body/kind');
    const noUrl = await post({ kind: 'slack' });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.body).toContain('url');
    const unknownMessage = await post({ kind: 'slack', url: SLACK, messages: ['everything'] });
    expect(unknownMessage.statusCode).toBe(400);
    expect(unknownMessage.body).toContain('/body/messages/0');

    const slackForTeams = await post({ kind: 'teams', url: SLACK });
    expect(slackForTeams.statusCode).toBe(422);
    expect(slackForTeams.json().errors).toEqual([
      expect.objectContaining({ field: '/body/url', message: expect.stringContaining('webhook.office.com') }),
    ]);
    // Without RIKTNING_WEBHOOK_ALLOW_PRIVATE=1 only the chats' own addresses are taken.
    const loopback = await post({ kind: 'slack', url: 'http://127.0.0.1:9/slack' });
    expect(loopback.statusCode).toBe(422);
    expect(loopback.json().errors).toEqual([expect.objectContaining({ field: '/body/url' })]);

    const unknownUnit = await post({ kind: 'teams', url: TEAMS, unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownUnit.statusCode).toBe(422);
    expect(unknownUnit.json().errors).toEqual([expect.objectContaining({ field: '/body/unitId' })]);
    expect((await admin.get(`/api/v1/orgs/${org.id}/chat-channels`)).json()).toEqual([]);
  });

  it('a unit’s lead keeps the unit’s channel, not the organisation’s; a member neither', async () => {
    const { org, unit, lead, member, admin } = await world();
    const forUnit = { kind: 'teams', url: TEAMS, unitId: unit.id, messages: ['check-in', 'weekly-digest'] };
    expect((await member.post(`/api/v1/orgs/${org.id}/chat-channels`, forUnit)).statusCode).toBe(403);
    expect((await lead.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'slack', url: SLACK })).statusCode).toBe(
      403,
    );
    const created = await lead.post(`/api/v1/orgs/${org.id}/chat-channels`, forUnit);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      unitId: unit.id,
      unitName: 'Säljteamet',
      messages: ['check-in', 'weekly-digest'],
    });

    const unitList = await lead.get(`/api/v1/orgs/${org.id}/chat-channels?unitId=${unit.id}`);
    expect(unitList.json()).toEqual([created.json()]);
    expect((await lead.get(`/api/v1/orgs/${org.id}/chat-channels`)).statusCode).toBe(403);
    expect((await member.get(`/api/v1/orgs/${org.id}/chat-channels?unitId=${unit.id}`)).statusCode).toBe(403);
    expect((await member.post(`/api/v1/chat-channels/${created.json().id}/test`)).statusCode).toBe(403);
    // Admins see every channel, the units' too.
    expect((await admin.get(`/api/v1/orgs/${org.id}/chat-channels`)).json()).toEqual([created.json()]);

    // Another organisation's admin does not find it.
    const other = await world();
    expect((await other.admin.get(`/api/v1/chat-channels/${created.json().id}/posts`)).statusCode).toBe(404);
    expect((await other.admin.get(`/api/v1/orgs/${org.id}/chat-channels`)).statusCode).toBe(404);
  });

  it('changes a channel only with the version it saw: 428 without, 412 when stale', async () => {
    const { org, admin } = await world();
    const { id } = (await admin.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'slack', url: SLACK })).json();
    const url = `/api/v1/chat-channels/${id}`;
    expect((await admin.patch(url, { messages: ['check-in'] })).statusCode).toBe(428);
    const changed = await admin.patch(url, { messages: ['check-in'] }, { headers: { 'if-match': '"1"' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('"2"');
    expect(changed.json()).toMatchObject({ messages: ['check-in'], version: 2 });
    const stale = await admin.patch(url, { messages: ['weekly-digest'] }, { headers: { 'if-match': '"1"' } });
    expect(stale.statusCode).toBe(412);
    const badUrl = await admin.patch(url, { url: TEAMS }, { headers: { 'if-match': '"2"' } });
    expect(badUrl.statusCode).toBe(422);
    expect((await admin.patch(url, {}, { headers: { 'if-match': '"2"' } })).statusCode).toBe(400);
    const newUrl = await admin.patch(
      url,
      { url: 'https://hooks.slack.com/services/T1/B1/NEWSECRET9876' },
      { headers: { 'if-match': '"2"' } },
    );
    expect(newUrl.json()).toMatchObject({ maskedUrl: 'hooks.slack.com/…9876', version: 3 });
    expect(newUrl.body).not.toContain('NEWSECRET');
  });

  it('never writes the URL to the server’s log, even at debug and when refused', async () => {
    const { deps } = await testServer();
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildServer({
      deps: { db: deps.db, now: deps.now, caches: createAppCaches() },
      logger: { level: 'debug', redact: LOG_REDACT, stream },
    });
    try {
      const { org, owner } = await createOrg(deps.db);
      const admin = await ApiClient.signIn(app, owner.email);
      const created = await admin.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'slack', url: SLACK });
      expect(created.statusCode).toBe(201);
      expect((await admin.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'teams', url: SLACK })).statusCode).toBe(
        422,
      );
      await admin.get(`/api/v1/orgs/${org.id}/chat-channels`);
      await admin.post(`/api/v1/chat-channels/${created.json().id}/test`);
    } finally {
      await app.close();
    }
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('')).not.toContain('SECRET');
  });
});
