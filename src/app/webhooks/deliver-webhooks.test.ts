// Webhook deliveries end to end: events written with the changes that cause them, sent by
// the job runner's step to a real receiver on loopback that verifies each signature with
// the Standard Webhooks reference library, retried after a failure, and logged.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS } from '../../core/notification-schedule.ts';
import { postOutbound } from '../../server/outbound-post.ts';
import { createCycle, createKeyResult, createObjective, createOrg } from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver.ts';
import { deliverWebhooks, type WebhookPoster } from './deliver-webhooks.ts';

let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
});

/** The server's poster; loopback is allowed here as RIKTNING_WEBHOOK_ALLOW_PRIVATE=1 allows it. */
const poster: WebhookPoster = (url, body, headers) => postOutbound(url, body, headers, { allowPrivate: true });

/** Moves the test clock on by `ms`. */
const later = (clock: { now(): Date; set(value: Date): void }, ms: number) =>
  clock.set(new Date(clock.now().getTime() + ms));

async function subscribed(events: string[]) {
  const { app, deps, clock } = await testServer();
  // Signatures carry the time, and receivers refuse old ones: the test's clock is now.
  clock.set(new Date());
  const { org, owner } = await createOrg(deps.db);
  const admin = await ApiClient.signIn(app, owner.email);
  const created = await admin.post(`/api/v1/orgs/${org.id}/webhooks`, { url: receiver.url, events });
  expect(created.statusCode, created.body).toBe(201);
  const webhook = created.json<{ id: string; secret: string }>();
  receiver.received.length = 0;
  receiver.answers.length = 0;
  const deliver = () => deliverWebhooks(deps, poster, { orgId: org.id });
  return { app, deps, clock, org, owner, admin, webhook, deliver };
}

describe('webhook deliveries', () => {
  it('sends an objective made through the API, signed so that the receiver verifies it', async () => {
    const { org, admin, webhook, deliver } = await subscribed(['objective.created']);
    const cycle = await createCycle((await testServer()).deps.db, org.id);
    const made = await admin.post(`/api/v1/orgs/${org.id}/objectives`, {
      cycleId: cycle.id,
      level: 'organization',
      title: 'Nöjdare kunder',
    });
    expect(made.statusCode, made.body).toBe(201);

    expect(await deliver()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const [delivery] = receiver.received;
    if (!delivery) throw new Error('nothing was received');
    const verified = new Webhook(webhook.secret).verify(delivery.body, delivery.headers) as {
      type: string;
      timestamp: string;
      data: { id: string; title: string };
    };
    expect(verified).toMatchObject({
      type: 'objective.created',
      data: { id: made.json().id, title: 'Nöjdare kunder' },
    });
    // data is the objective as the API answered it.
    expect(verified.data).toEqual(made.json());

    const log = await admin.get(`/api/v1/webhooks/${webhook.id}/deliveries`);
    expect(log.json().items).toEqual([
      expect.objectContaining({
        id: delivery.headers['webhook-id'],
        eventType: 'objective.created',
        status: 'delivered',
        attempts: 1,
        responseStatus: 200,
        detail: 'thanks',
        nextAttemptAt: null,
      }),
    ]);
    // Nothing more to send.
    expect(await deliver()).toEqual({ delivered: 0, retried: 0, failed: 0 });
  });

  it('retries after a failure with the same id and body, later, until the receiver takes it', async () => {
    const { clock, admin, webhook, deliver } = await subscribed(['comment.created']);
    receiver.answers.push(503);
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    expect(await deliver()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [logged] = (await admin.get(`/api/v1/webhooks/${webhook.id}/deliveries`)).json().items;
    expect(logged).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
    // Not before its time.
    expect(await deliver()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    later(clock, 61_000);
    expect(await deliver()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.body).toBe(first?.body);
    expect(JSON.parse(second?.body ?? '{}')).toMatchObject({ type: 'webhook.test' });
  });

  it('gives up after the last attempt and says why nothing was sent to an inside address', async () => {
    const { deps, clock, org, admin, webhook } = await subscribed(['cycle.closed']);
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    // As in production: loopback is refused.
    const guarded: WebhookPoster = (url, body, headers) => postOutbound(url, body, headers, { allowPrivate: false });
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      const result = await deliverWebhooks(deps, guarded, { orgId: org.id });
      expect(result).toEqual(
        attempt < MAX_SEND_ATTEMPTS ? { delivered: 0, retried: 1, failed: 0 } : { delivered: 0, retried: 0, failed: 1 },
      );
      later(clock, 3 * 3_600_000);
    }
    expect(receiver.received).toEqual([]);
    const [logged] = (await admin.get(`/api/v1/webhooks/${webhook.id}/deliveries`)).json().items;
    expect(logged).toMatchObject({
      status: 'failed',
      attempts: MAX_SEND_ATTEMPTS,
      responseStatus: null,
      detail: 'internal_address',
    });
  });

  it('signs with the old secret beside the new one for a day after a rotation', async () => {
    const { clock, admin, webhook, deliver } = await subscribed(['comment.created']);
    const rotated = (await admin.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`)).json<{ secret: string }>();
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    await deliver();
    const [during] = receiver.received;
    if (!during) throw new Error('nothing was received');
    expect(() => new Webhook(webhook.secret).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(during.body, during.headers)).not.toThrow();

    // A day later only the new secret signs.
    later(clock, 25 * 3_600_000);
    await admin.post(`/api/v1/webhooks/${webhook.id}/test`);
    await deliver();
    expect(during.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(receiver.received[1]?.headers['webhook-signature']?.split(' ')).toHaveLength(1);
  });

  it('tells of check-ins, comments, changed objectives and closed cycles, only to those who asked', async () => {
    const { deps, org, owner, admin, webhook, deliver } = await subscribed([
      'check-in.created',
      'comment.created',
      'objective.updated',
      'objective.status-changed',
      'cycle.closed',
    ]);
    const cycle = await createCycle(deps.db, org.id);
    const objective = await createObjective(deps.db, org.id, cycle.id);
    const keyResult = await createKeyResult(deps.db, org.id, objective.id);
    expect(
      (await admin.post(`/api/v1/key-results/${keyResult.id}/check-ins`, { value: 3, confidence: 7 })).statusCode,
    ).toBe(201);
    expect((await admin.post(`/api/v1/objectives/${objective.id}/comments`, { body: 'Bra jobbat' })).statusCode).toBe(
      201,
    );
    const changed = await admin.patch(
      `/api/v1/objectives/${objective.id}`,
      { status: 'at_risk' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const closed = await admin.post(`/api/v1/cycles/${cycle.id}/close`, undefined, { headers: { 'if-match': '"1"' } });
    expect(closed.statusCode, closed.body).toBe(200);

    expect((await deliver()).delivered).toBe(5);
    const types = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort();
    expect(types).toEqual([
      'check-in.created',
      'comment.created',
      'cycle.closed',
      'objective.status-changed',
      'objective.updated',
    ]);
    const checkIn = JSON.parse(receiver.received.find((r) => r.body.includes('"check-in.created"'))?.body ?? '{}');
    expect(checkIn.data).toMatchObject({ keyResultId: keyResult.id, value: 3, confidence: 7, authorId: owner.id });

    // Another organisation's changes are not this one's.
    const { org: other } = await createOrg(deps.db);
    const otherCycle = await createCycle(deps.db, other.id);
    await createObjective(deps.db, other.id, otherCycle.id);
    expect(await deliver()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect((await admin.get(`/api/v1/webhooks/${webhook.id}/deliveries`)).json().items).toHaveLength(5);
  });
});
