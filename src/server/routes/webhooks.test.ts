import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, webhookSubscriptions } from '../../db/schema.ts';
import { createMember, createOrg } from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';

interface Webhook {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  previousSecretUntil: string | null;
  secret?: string;
}

async function orgWithAdmin() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, clock, org, owner, admin };
}

describe('webhook subscriptions', () => {
  it('adds one with its secret shown once, lists them without secrets, removes one', async () => {
    const { deps, org, admin } = await orgWithAdmin();
    const created = await admin.post(`/api/v1/orgs/${org.id}/webhooks`, {
      url: 'https://hooks.example.com/riktning',
      events: ['objective.created', 'check-in.created'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const webhook = created.json<Webhook>();
    expect(webhook).toMatchObject({
      url: 'https://hooks.example.com/riktning',
      events: ['objective.created', 'check-in.created'],
      previousSecretUntil: null,
    });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const listed = await admin.get(`/api/v1/orgs/${org.id}/webhooks`);
    const { secret, ...withoutSecret } = webhook;
    expect(listed.json()).toEqual([withoutSecret]);
    expect(secret).toBeDefined();
    expect(listed.body).not.toContain(webhook.secret);

    // The audit log has the change, never the secret.
    const audited = await deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.entityId, webhook.id)));
    expect(audited.map((event) => event.action)).toEqual(['webhook.create']);
    expect(JSON.stringify(audited)).not.toContain(webhook.secret);

    expect((await admin.delete(`/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/orgs/${org.id}/webhooks`)).json()).toEqual([]);
    expect((await admin.delete(`/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(404);
  });

  it('rotates a secret: a new one shown once, the old one kept to sign for a day', async () => {
    const { deps, clock, org, admin } = await orgWithAdmin();
    const rotatedAt = deps.now();
    const first = (
      await admin.post(`/api/v1/orgs/${org.id}/webhooks`, {
        url: 'http://hooks.example.com/a',
        events: ['cycle.closed'],
      })
    ).json<Webhook>();
    const rotated = await admin.post(`/api/v1/webhooks/${first.id}/rotate-secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const second = rotated.json<Webhook>();
    expect(second.secret).not.toBe(first.secret);
    const dayLater = new Date(rotatedAt.getTime() + 86_400_000);
    expect(second.previousSecretUntil).toBe(dayLater.toISOString());
    const [stored] = await deps.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, first.id));
    expect(stored).toMatchObject({ secret: second.secret, previousSecret: first.secret });

    // After the overlap, the list says no old secret signs any more.
    clock.set(new Date(dayLater.getTime() + 1000).toISOString());
    const [listed] = (await admin.get(`/api/v1/orgs/${org.id}/webhooks`)).json<Webhook[]>();
    expect(listed?.previousSecretUntil).toBeNull();
  });

  it('names a URL that is not http(s), an unknown event, or no events', async () => {
    const { org, admin } = await orgWithAdmin();
    const attempts = [
      [{ url: 'ftp://files.example.com/x', events: ['objective.created'] }, '/body/url'],
      [{ url: 'https://user:secret@hooks.example.com/x', events: ['objective.created'] }, '/body/url'],
      [{ url: 'not a url', events: ['objective.created'] }, '/body/url'],
      [{ url: 'https://hooks.example.com/x', events: ['objective.deleted'] }, '/body/events/0'],
      [{ url: 'https://hooks.example.com/x', events: [] }, '/body/events'],
      [{ url: 'https://hooks.example.com/x', events: ['cycle.closed', 'cycle.closed'] }, '/body/events'],
    ] as const;
    for (const [body, field] of attempts) {
      const refused = await admin.post(`/api/v1/orgs/${org.id}/webhooks`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(refused.statusCode).toBeLessThan(500);
      expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await admin.get(`/api/v1/orgs/${org.id}/webhooks`)).json()).toEqual([]);
  });

  it('is for the organisation’s admins alone', async () => {
    const { app, deps, org, admin } = await orgWithAdmin();
    const webhook = (
      await admin.post(`/api/v1/orgs/${org.id}/webhooks`, {
        url: 'https://hooks.example.com/x',
        events: ['comment.created'],
      })
    ).json<Webhook>();
    const member = await ApiClient.signIn(app, (await createMember(deps.db, org.id, 'member')).email);
    expect((await member.get(`/api/v1/orgs/${org.id}/webhooks`)).statusCode).toBe(403);
    expect((await member.delete(`/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(403);
    expect((await member.post(`/api/v1/webhooks/${webhook.id}/rotate-secret`)).statusCode).toBe(403);

    const { owner: stranger } = await createOrg(deps.db);
    const elsewhere = await ApiClient.signIn(app, stranger.email);
    expect((await elsewhere.get(`/api/v1/orgs/${org.id}/webhooks`)).statusCode).toBe(404);
    expect((await elsewhere.delete(`/api/v1/webhooks/${webhook.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/orgs/${org.id}/webhooks`)).json()).toHaveLength(1);
  });
});
