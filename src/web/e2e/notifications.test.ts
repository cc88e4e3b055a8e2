// E-mail from a person's and an admin's side: Sara switches off her weekly digest in her
// settings (it stays off after a reload); a reminder written for her waits in the outbox,
// held because no mail server is configured, and the owner reads it there in full.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { accounts } from '../../db/schema.ts';
import { deliverOutbox } from '../../app/notifications/deliver-outbox.ts';
import { enqueueMessage } from '../../app/notifications/enqueue.ts';
import { expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

browserSuite('notifications', (journey) => {
  it('a member chooses her e-mail; an admin reads what the outbox holds', async () => {
    const { page, harness } = journey;

    // Sara's settings, from the account menu.
    await signIn(page, 'sara@example.com');
    await page.getByRole('button', { name: 'Kontomeny' }).click();
    await page.getByRole('menuitem', { name: 'Mina inställningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina inställningar' }).waitFor();
    const digest = page.getByRole('switch', { name: /^Veckosammanfattning/ });
    expect(await digest.isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: /^Påminnelser om avstämning/ }).isChecked()).toBe(true);
    await expectNoSeriousViolations(page, 'settings');
    await digest.click();
    await page.getByText('Dina mejlinställningar är sparade.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mina inställningar' }).waitFor();
    await page.getByRole('switch', { name: /^Påminnelser om avstämning/ }).waitFor();
    await expect.poll(() => page.getByRole('switch', { name: /^Veckosammanfattning/ }).isChecked()).toBe(false);

    // A reminder for her, as the job runner writes one; without a mail server it is held.
    const { db } = harness.handle;
    const [sara] = await db.select().from(accounts).where(eq(accounts.email, 'sara@example.com'));
    expect(sara?.notificationSettings).toMatchObject({ weeklyDigest: false });
    await enqueueMessage(db, {
      orgId: harness.orgId,
      recipientId: sara?.id as string,
      kind: 'check_in_reminder',
      dedupeKey: `check_in_reminder:${harness.orgId}:${sara?.id}:e2e`,
      params: {
        name: 'Sara',
        orgName: 'Nordljus AB',
        dueKeyResults: [{ title: 'Mejl ger 100 anmälningar', objectiveTitle: 'Öka deltagandet på interna event' }],
        link: `${harness.baseUrl}/orgs/${harness.orgId}/week`,
      },
    });
    await deliverOutbox({ db, now: () => new Date() }, null, { orgId: harness.orgId });

    // The owner reads it in the outbox.
    const admin = await journey.openPage();
    await signIn(admin, 'demo@example.com');
    await admin.goto(`/orgs/${harness.orgId}/admin/outbox`);
    await admin.getByRole('heading', { level: 2, name: 'Utkorg' }).waitFor();
    await admin.getByText('Ingen e-postserver är inställd (SMTP_URL)').waitFor();
    const row = admin.getByTestId('outbox-table').getByRole('row', { name: /Dags att stämma av/ });
    await row.getByText('Sparat').waitFor();
    await expect.poll(() => row.textContent()).toContain('sara@example.com');
    await expectNoSeriousViolations(admin, 'outbox');
    await row.getByRole('button', { name: /^Läs ”Dags att stämma av/ }).click();
    const dialog = admin.getByRole('dialog', { name: /Dags att stämma av/ });
    await expect.poll(() => dialog.getByTestId('outbox-body').textContent()).toContain('Hej Sara!');
    const body = await dialog.getByTestId('outbox-body').textContent();
    expect(body).toContain('Hej Sara!');
    expect(body).toContain('Mejl ger 100 anmälningar');
    expect(body).toContain(`/orgs/${harness.orgId}/week`);
    await admin.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The filters narrow the list, and live in the URL.
    await pickOption(admin, field(admin, 'Status'), 'Skickat');
    await admin.getByText('Inga meddelanden.').waitFor();
    await expect.poll(() => admin.url()).toContain('status=sent');
  });
});
