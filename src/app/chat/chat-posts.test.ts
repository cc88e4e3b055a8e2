// Chat posts end to end: channels added through the API, messages queued by the job runner's
// poll (digests Monday morning, check-ins due Thursday, a cycle's closing in its last week,
// each check-in when chosen) and sent to loopback receivers that refuse any body that is not
// valid Block Kit (Slack) or a valid Adaptive Card message (Teams). In the organisation's
// language; never a private objective or a draft.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../../db/schema.ts';
import { postOutbound } from '../../server/outbound-post.ts';
import { startChatReceiver, type ChatReceiver } from '../../test/chat-receiver.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import type { WebhookPoster } from '../webhooks/deliver-webhooks.ts';
import { pollOnce } from '../notifications/job-runner.ts';

const DAY = 86_400_000;
// Monday 25 May 2026, 09:00 in Stockholm: the digests' window (ISO week 22).
const MONDAY = new Date('2026-05-25T07:00:00Z');
// Thursday 28 May 2026, 10:00 in Stockholm: the check-ins-due window.
const THURSDAY = new Date('2026-05-28T08:00:00Z');
const ZONE = 'Europe/Stockholm';

let slack: ChatReceiver;
let teams: ChatReceiver;
beforeAll(async () => {
  slack = await startChatReceiver('slack');
  teams = await startChatReceiver('teams');
  // As RIKTNING_WEBHOOK_ALLOW_PRIVATE=1: channels may be the loopback receivers.
  (await testServer()).deps.allowPrivateOutbound = true;
});
afterAll(async () => {
  await slack.close();
  await teams.close();
});

const poster: WebhookPoster = (url, body, headers) => postOutbound(url, body, headers, { allowPrivate: true });

interface SlackBody {
  text: string;
  blocks: { type: string; text?: { text: string } }[];
}
interface TeamsBody {
  attachments: [{ content: { lang: string; body: { text?: string }[]; actions: { url: string }[] } }];
}

async function setUp(locale: 'sv' | 'en') {
  const { app, deps, clock } = await testServer();
  clock.set(MONDAY);
  const { org, owner } = await createOrg(deps.db, { name: 'Nordljus', defaultLocale: locale });
  await deps.db
    .update(organizations)
    .set({ settings: { checkInCadenceDays: 7 } })
    .where(eq(organizations.id, org.id));
  const unit = await createUnit(deps.db, org.id, { name: 'Säljteamet' });
  const lead = await createMember(deps.db, org.id, 'member', { name: 'Lena Lead' });
  await addToUnit(deps.db, org.id, unit.id, lead.id, 'lead');
  const cycle = await createCycle(deps.db, org.id, { name: 'Q2 2026', startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const ago = (days: number) => new Date(MONDAY.getTime() - days * DAY);
  const orgObjective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'organization' },
    {
      title: 'Nöjdare kunder',
    },
  );
  const unitObjective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: unit.id },
    {
      title: 'Växa i norr',
    },
  );
  const privateObjective = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: unit.id },
    { title: 'Hemlig omorganisation', visibility: 'private' },
  );
  await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: unit.id },
    {
      title: 'Utkast ingen ska se',
      lifecycle: 'draft',
    },
  );
  const dueKr = await createKeyResult(deps.db, org.id, unitObjective.id, {
    title: '300 deltagare',
    ownerId: lead.id,
    createdAt: ago(40),
    lastCheckInAt: ago(10),
  });
  const privateKr = await createKeyResult(deps.db, org.id, privateObjective.id, {
    title: 'Hemligt nyckelresultat',
    ownerId: lead.id,
    createdAt: ago(40),
    lastCheckInAt: ago(10),
  });
  await createKeyResult(deps.db, org.id, orgObjective.id, { title: 'NPS 50', lastCheckInAt: ago(1) });

  const admin = await ApiClient.signIn(app, owner.email);
  const leadClient = await ApiClient.signIn(app, lead.email);
  const orgChannel = await admin.post(`/api/v1/orgs/${org.id}/chat-channels`, { kind: 'slack', url: slack.url });
  expect(orgChannel.statusCode, orgChannel.body).toBe(201);
  const unitChannel = await leadClient.post(`/api/v1/orgs/${org.id}/chat-channels`, {
    kind: 'teams',
    url: teams.url,
    unitId: unit.id,
    messages: ['weekly-digest', 'check-ins-due', 'cycle-closing', 'check-in'],
  });
  expect(unitChannel.statusCode, unitChannel.body).toBe(201);
  for (const receiver of [slack, teams]) {
    receiver.received.length = 0;
    receiver.answers.length = 0;
  }
  const poll = () => pollOnce(deps, { mailer: null, timeZone: ZONE, orgId: org.id, webhookPoster: poster });
  return {
    app,
    deps,
    clock,
    org,
    owner,
    unit,
    cycle,
    admin,
    leadClient,
    dueKr,
    privateKr,
    orgChannel: orgChannel.json<{ id: string }>(),
    unitChannel: unitChannel.json<{ id: string }>(),
    poll,
  };
}

const slackWords = (body: SlackBody) => JSON.stringify(body.blocks);
const teamsWords = (body: TeamsBody) => JSON.stringify(body.attachments[0].content.body);

describe('posts to Slack and Teams channels', () => {
  it('Monday: each channel gets its scope’s digest once, valid for its chat, in Swedish, without private objectives or drafts', async () => {
    const { org, unit, poll } = await setUp('sv');
    const first = await poll();
    expect(first.chatScheduled).toBe(2);
    expect(first.chat).toEqual({ delivered: 2, retried: 0, failed: 0 });

    const [toSlack] = slack.messages<SlackBody>();
    if (!toSlack) throw new Error('Slack got nothing');
    expect(toSlack.blocks[0]?.text?.text).toBe('Veckosammanfattning: Nordljus');
    expect(slackWords(toSlack)).toContain('Nöjdare kunder');
    expect(slackWords(toSlack)).not.toContain('Växa i norr');
    expect(slackWords(toSlack)).toContain(`/orgs/${org.id}/objectives/`);

    const [toTeams] = teams.messages<TeamsBody>();
    if (!toTeams) throw new Error('Teams got nothing');
    const card = toTeams.attachments[0].content;
    expect(card.lang).toBe('sv');
    expect(teamsWords(toTeams)).toContain('Veckosammanfattning: Säljteamet');
    expect(teamsWords(toTeams)).toContain('Växa i norr');
    expect(teamsWords(toTeams)).not.toContain('Hemlig');
    expect(teamsWords(toTeams)).not.toContain('Utkast');
    expect(card.actions[0]?.url).toBe(`http://localhost:3000/orgs/${org.id}/units/${unit.id}`);

    // Another poll in the same window, by this process or another, posts nothing again.
    expect(await poll()).toMatchObject({ chatScheduled: 0, chat: { delivered: 0, retried: 0, failed: 0 } });
    expect(slack.received).toHaveLength(1);
  });

  it('Thursday: check-ins due, in English for an English organisation; only scopes with some due', async () => {
    const { clock, poll } = await setUp('en');
    clock.set(THURSDAY);
    const result = await poll();
    // The organisation's one key result was checked in lately: only the unit's channel is told.
    expect(result.chatScheduled).toBe(1);
    expect(slack.received).toHaveLength(0);
    const [toTeams] = teams.messages<TeamsBody>();
    if (!toTeams) throw new Error('Teams got nothing');
    expect(toTeams.attachments[0].content.lang).toBe('en');
    expect(teamsWords(toTeams)).toContain('Time to check in');
    expect(teamsWords(toTeams)).toContain('300 deltagare');
    expect(teamsWords(toTeams)).toContain('Lena Lead');
    expect(teamsWords(toTeams)).not.toContain('Hemligt');
  });

  it('a cycle’s last week: its closing is posted once per channel, with the objectives still to score', async () => {
    const { clock, poll } = await setUp('sv');
    // Wednesday 24 June, six days before the cycle's last day; outside both weekly windows.
    clock.set(new Date('2026-06-24T10:00:00Z'));
    const result = await poll();
    expect(result.chatScheduled).toBe(2);
    const [toSlack] = slack.messages<SlackBody>();
    expect(toSlack?.blocks[0]?.text?.text).toBe('Perioden stänger snart: Q2 2026');
    expect(toSlack?.text).toContain('om 6 dagar');
    const [toTeams] = teams.messages<TeamsBody>();
    // The unit's one public, published objective; the private one and the draft are not counted.
    expect(teamsWords(toTeams as TeamsBody)).toContain('1 mål saknar fortfarande slutpoäng');
    // Saturday, outside both weekly windows too.
    clock.set(new Date('2026-06-27T10:00:00Z'));
    expect(await poll()).toMatchObject({ chatScheduled: 0 });
  });

  it('a cycle closed: each channel is told once, with its scope’s final scores, in the organisation’s language', async () => {
    const { app, owner, cycle, org, unit, clock, poll } = await setUp('en');
    // Wednesday 10 June, outside the weekly windows and the closing week. The session of
    // setting up, two weeks before, has ended unused: the admin signs in again.
    clock.set(new Date('2026-06-10T10:00:00Z'));
    const admin = await ApiClient.signIn(app, owner.email);
    expect(
      (await admin.post(`/api/v1/cycles/${cycle.id}/close`, undefined, { headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(200);
    const result = await poll();
    expect(result.chat).toEqual({ delivered: 2, retried: 0, failed: 0 });
    const [toSlack] = slack.messages<SlackBody>();
    expect(toSlack?.blocks[0]?.text?.text).toBe('The cycle is closed: Q2 2026');
    expect(toSlack?.text).toMatch(/^Q2 2026 is closed: 1\/1 objectives scored, average /);
    const [toTeams] = teams.messages<TeamsBody>();
    const card = (toTeams as TeamsBody).attachments[0].content;
    expect(teamsWords(toTeams as TeamsBody)).toContain('The cycle is closed: Q2 2026');
    // The unit's one public, published objective: not the private one, nor the draft.
    expect(teamsWords(toTeams as TeamsBody)).toContain('{"title":"Objectives","value":"1"}');
    expect(card.actions[0]?.url).toBe(`http://localhost:3000/orgs/${org.id}/units/${unit.id}?cycle=${cycle.id}`);

    // Reopened and closed again, it is not told twice.
    expect(
      (await admin.post(`/api/v1/cycles/${cycle.id}/reopen`, undefined, { headers: { 'if-match': '"2"' } })).statusCode,
    ).toBe(200);
    expect(
      (await admin.post(`/api/v1/cycles/${cycle.id}/close`, undefined, { headers: { 'if-match': '"3"' } })).statusCode,
    ).toBe(200);
    expect(await poll()).toMatchObject({ chat: { delivered: 0 } });
  });

  it('each check-in, for the channel that chose it, never one on a private objective', async () => {
    const { org, dueKr, privateKr, leadClient, admin, orgChannel, unitChannel, clock, poll } = await setUp('sv');
    clock.set(new Date('2026-05-27T12:00:00Z'));
    const made = await leadClient.post(`/api/v1/key-results/${dueKr.id}/check-ins`, {
      value: 120,
      confidence: 7,
      note: 'Bra vecka',
    });
    expect(made.statusCode, made.body).toBe(201);
    const batch = await leadClient.post(`/api/v1/orgs/${org.id}/check-ins`, {
      checkIns: [{ keyResultId: privateKr.id, value: 5, confidence: 3 }],
    });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(await poll()).toMatchObject({ chat: { delivered: 1 } });
    const [toTeams] = teams.messages<TeamsBody>();
    expect(teamsWords(toTeams as TeamsBody)).toContain('Avstämning: 300 deltagare');
    expect(teamsWords(toTeams as TeamsBody)).toContain('Bra vecka');
    // The organisation's channel did not choose check-ins.
    expect(slack.received).toHaveLength(0);
    const log = await admin.get(`/api/v1/chat-channels/${unitChannel.id}/posts`);
    expect(log.json().items).toEqual([
      expect.objectContaining({ messageKind: 'check-in', status: 'delivered', responseStatus: 200, detail: 'thanks' }),
    ]);
    expect((await admin.get(`/api/v1/chat-channels/${orgChannel.id}/posts`)).json().items).toEqual([]);
  });

  it('the test button posts the digest now; a chat that fails is retried later, and the log says so', async () => {
    const { admin, orgChannel, clock, poll } = await setUp('sv');
    clock.set(new Date('2026-05-27T12:00:00Z'));
    const test = await admin.post(`/api/v1/chat-channels/${orgChannel.id}/test`);
    expect(test.statusCode, test.body).toBe(202);
    expect(test.json()).toMatchObject({ messageKind: 'test', status: 'pending', attempts: 0 });
    slack.answers.push(503);
    expect(await poll()).toMatchObject({ chat: { delivered: 0, retried: 1, failed: 0 } });
    const log = await admin.get(`/api/v1/chat-channels/${orgChannel.id}/posts`);
    expect(log.json().items).toEqual([
      expect.objectContaining({ messageKind: 'test', status: 'pending', attempts: 1, responseStatus: 503 }),
    ]);
    // Not before its retry is due; then it goes.
    expect(await poll()).toMatchObject({ chat: { delivered: 0, retried: 0 } });
    clock.set(new Date('2026-05-27T12:02:00Z'));
    expect(await poll()).toMatchObject({ chat: { delivered: 1 } });
    expect(slack.messages<SlackBody>().map((body) => body.blocks[0]?.text?.text)).toEqual([
      'Veckosammanfattning: Nordljus',
      'Veckosammanfattning: Nordljus',
    ]);
  });
});
