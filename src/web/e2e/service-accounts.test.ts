// Service accounts in Administration: the owner adds one for an integration that checks
// in, its token to expire in 90 days, copies the token (shown once), the integration
// checks in with it, the list shows when it was last used and when its token expires, and
// the audit log names it; revoked, its token stops.
import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { keyResults } from '../../db/schema.ts';
import { expectNoSeriousViolations, signIn } from './harness.ts';
import { field, pickOption } from './locators.ts';
import { browserSuite } from './journey.ts';

browserSuite('service accounts journey', (journey) => {
  it('the owner adds a service account, the integration checks in with its token, the owner revokes it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/admin/service-accounts`);
    await page.getByRole('tab', { name: 'Tjänstekonton', selected: true }).waitFor();
    await page.getByText('Inga tjänstekonton ännu.').waitFor();

    await page.getByRole('button', { name: 'Lägg till ett tjänstekonto' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till ett tjänstekonto' });
    // Nothing chosen: each missing thing is named beside its field.
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await dialog.getByText('Ge det ett namn').waitFor();
    await dialog.getByText('Välj minst en behörighet').waitFor();
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Jira-synk');
    await dialog.getByRole('checkbox', { name: 'Stämma av' }).check();
    // A year unless chosen otherwise; this integration's token is to be renewed quarterly.
    expect(await field(dialog, 'Tokens giltighetstid').inputValue()).toBe('1 år');
    await pickOption(page, field(dialog, 'Tokens giltighetstid'), '90 dagar');
    await expectNoSeriousViolations(page, 'service account dialog');
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const token = await page.getByTestId('service-account-token').inputValue();
    expect(token).toMatch(/^rks_/);
    await page.getByRole('button', { name: 'Klar' }).click();

    const card = page.getByTestId('service-account');
    await card.getByText('Jira-synk').waitFor();
    await card.getByText('Inte använt ännu').waitFor();
    await card.getByText(/^Token går ut /).waitFor();
    expect(await card.getByRole('listitem').allTextContents()).toEqual(['Stämma av']);

    // The integration checks in with the token, as another system would.
    const [kr] = await harness.handle.db
      .select({ id: keyResults.id })
      .from(keyResults)
      .where(and(eq(keyResults.orgId, harness.orgId), isNull(keyResults.archivedAt)))
      .limit(1);
    const checkIn = (bearer: string) =>
      fetch(`${harness.baseUrl}/api/v1/key-results/${kr?.id}/check-ins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ value: 10, confidence: 6, note: 'Från Jira' }),
      });
    expect((await checkIn(token)).status).toBe(201);

    await page.reload();
    await card.getByText(/^Tillagt .* · Senast använt /).waitFor();
    await page.getByRole('tab', { name: 'Granskningslogg' }).click();
    await page.getByRole('cell', { name: 'Jira-synk' }).first().waitFor();

    await page.getByRole('tab', { name: 'Tjänstekonton' }).click();
    await card.getByRole('button', { name: 'Återkalla' }).click();
    await page.getByRole('dialog', { name: 'Återkalla Jira-synk?' }).getByRole('button', { name: 'Återkalla' }).click();
    await page.getByText('Jira-synk är återkallat.').waitFor();
    await page.getByText('Inga tjänstekonton ännu.').waitFor();
    expect((await checkIn(token)).status).toBe(401);
  });
});
