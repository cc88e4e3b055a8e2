import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook } from './signature.ts';

// Checked by the specification's reference library, as a receiver checks a delivery.
describe('webhook signatures (Standard Webhooks)', () => {
  const body = JSON.stringify({ type: 'check-in.created', timestamp: '2026-12-05T02:30:00.000Z', data: { value: 42 } });

  it('signs so that the reference library verifies the delivery', () => {
    const secret = newWebhookSecret();
    const now = new Date();
    const headers = signWebhook('msg_2f1c', now, body, [secret]);
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
    // The same as the reference library's own signature.
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('msg_2f1c', now, body));
  });

  it('signs with the old and the new secret while one is rotated: receivers with either accept it', () => {
    const [old, rotated, stranger] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook('msg_rot', new Date(), body, [rotated, old]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(old).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(rotated).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(stranger).verify(body, { ...headers })).toThrow(WebhookVerificationError);
  });

  it('does not verify a changed body, another id, or an old timestamp', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook('msg_1', new Date(), body, [secret]);
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(body.replace('42', '43'), { ...headers })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'msg_2' })).toThrow(WebhookVerificationError);
    const stale = signWebhook('msg_1', new Date(Date.now() - 10 * 60_000), body, [secret]);
    expect(() => receiver.verify(body, { ...stale })).toThrow(WebhookVerificationError);
  });

  it('refuses to sign without a secret, or with one that is not whsec_', () => {
    expect(() => signWebhook('msg', new Date(), body, [])).toThrow();
    expect(() => signWebhook('msg', new Date(), body, ['plain'])).toThrow(/whsec_/);
  });
});
