// Webhooks in Administration: the owner adds one for a receiver on loopback, copies its
// secret (shown once), sends a test and sees it delivered in the log with the receiver's
// answer, rotates the secret (both sign for a while), and removes it; in English, a
// receiver that fails shows as waiting for its next try. The job runner's step sends the
// deliveries here, as the server's runner does every few seconds.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deliverWebhooks } from '../../app/webhooks/deliver-webhooks.ts';
import { postOutbound } from '../../server/outbound-post.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver.ts';
import { expectNoSeriousViolations, signIn, type Harness, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

/** One step of the job runner: sends what is due (loopback allowed, as RIKTNING_WEBHOOK_ALLOW_PRIVATE=1 would). */
const runJobs = (harness: Harness) =>
  deliverWebhooks(
    { db: harness.handle.db, now: () => new Date() },
    (url, body, headers) => postOutbound(url, body, headers, { allowPrivate: true }),
    { orgId: harness.orgId },
  );

async function openWebhooksTab(page: Page, orgId: string, tab: string) {
  await page.goto(`/orgs/${orgId}/admin/webhooks`);
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
}

/** Adds a webhook through the dialog; the secret the dialog shows once. */
async function addWebhook(
  page: Page,
  labels: { add: string; url: string; save: string; done: string },
  events: string[],
) {
  await page.getByRole('button', { name: labels.add }).click();
  const dialog = page.getByRole('dialog', { name: labels.add });
  await dialog.getByRole('textbox', { name: labels.url }).fill(receiver.url);
  for (const event of events) await dialog.getByRole('checkbox', { name: event }).check();
  await dialog.getByRole('button', { name: labels.save, exact: true }).click();
  const secret = await page.getByTestId('webhook-secret').inputValue();
  await page.getByRole('button', { name: labels.done }).click();
  return secret;
}

const verify = (secret: string, delivery: { headers: Record<string, string>; body: string }) =>
  new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string; data: Record<string, unknown> };

browserSuite('webhooks journey', (journey) => {
  it('the owner adds a webhook, tests it, sees it delivered, rotates its secret and removes it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await openWebhooksTab(page, harness.orgId, 'Webhookar');
    await page.getByText('Inga webhookar ännu.').waitFor();

    // A URL that is no address is named beside its field, before anything is sent.
    await page.getByRole('button', { name: 'Lägg till en webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till en webhook' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill('hooks.example.com');
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await dialog.getByText('Ange en adress som börjar med https:// eller http://').waitFor();
    await dialog.getByText('Välj minst en händelse').waitFor();
    // Typed work asks before it goes.
    page.once('dialog', (question) => void question.accept());
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const secret = await addWebhook(
      page,
      { add: 'Lägg till en webhook', url: 'URL', save: 'Lägg till', done: 'Klar' },
      ['Mål skapat', 'Avstämning av nyckelresultat'],
    );
    expect(secret).toMatch(/^whsec_/);
    const card = page.getByTestId('webhook');
    await card.getByText(receiver.url).waitFor();
    expect(await card.getByRole('listitem').allTextContents()).toEqual(['Mål skapat', 'Avstämning av nyckelresultat']);
    // The secret is not on the page any more, nor in the list's answer.
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await card.getByRole('button', { name: 'Skicka ett test' }).click();
    const log = page.getByRole('region', { name: `Leveranser till ${receiver.url}` });
    await log.getByTestId('webhook-delivery').getByText('Väntar').waitFor();
    receiver.received.length = 0;
    expect(await runJobs(harness)).toMatchObject({ delivered: 1 });
    const [test] = receiver.received;
    if (!test) throw new Error('the receiver got nothing');
    expect(verify(secret, test).type).toBe('webhook.test');
    // The log asks again while a delivery waits, and shows the receiver's answer.
    const delivered = log.getByTestId('webhook-delivery').first();
    await delivered.getByText('Levererad').waitFor();
    expect(await delivered.getByTestId('webhook-response-status').textContent()).toBe('HTTP 200');
    expect(await delivered.textContent()).toContain('Testleverans');
    expect(await delivered.textContent()).toContain('thanks');
    await expectNoSeriousViolations(page, 'webhooks tab');

    // Rotating: the new secret is shown once, and both sign until the old one expires.
    await card.getByRole('button', { name: 'Byt hemlighet' }).click();
    await page.getByRole('dialog', { name: 'Byta signeringshemlighet?' }).getByRole('button', { name: 'Byt' }).click();
    const rotated = await page.getByTestId('webhook-secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Klar' }).click();
    await card.getByText(/Den tidigare hemligheten signerar också till/).waitFor();
    await card.getByRole('button', { name: 'Skicka ett test' }).click();
    await log.getByText('Väntar').waitFor();
    receiver.received.length = 0;
    await runJobs(harness);
    const [second] = receiver.received;
    if (!second) throw new Error('the receiver got nothing');
    expect(verify(rotated, second).type).toBe('webhook.test');
    expect(verify(secret, second).type).toBe('webhook.test');

    await card.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByRole('dialog', { name: 'Ta bort webhooken?' }).getByRole('button', { name: 'Ta bort' }).click();
    await page.getByText('Inga webhookar ännu.').waitFor();
  });

  it('in English: a receiver that fails shows as waiting for its next try, with its answer', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await switchToEnglish(page);
    await openWebhooksTab(page, harness.orgId, 'Webhooks');
    await addWebhook(page, { add: 'Add a webhook', url: 'URL', save: 'Add', done: 'Done' }, ['Cycle closed']);
    const card = page.getByTestId('webhook').filter({ hasText: 'Cycle closed' });
    await card.getByRole('button', { name: 'Send a test' }).click();
    receiver.answers.push(503);
    expect(await runJobs(harness)).toMatchObject({ retried: 1 });
    const row = card.getByTestId('webhook-delivery').first();
    await row.getByText('Waiting').waitFor();
    expect(await row.getByTestId('webhook-response-status').textContent()).toBe('HTTP 503');
    expect(await row.textContent()).toMatch(/1 attempt · Next try/);
    await card.getByRole('button', { name: 'Hide deliveries' }).click();
    await card.getByRole('button', { name: 'Deliveries' }).waitFor();
  });
});
