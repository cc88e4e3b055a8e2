// My settings → API tokens: a person makes a token for a script that expires in 30 days,
// copies it (shown once), the script reads with it, the list shows its last use and its
// expiry; revoked, it stops.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

browserSuite('personal API tokens journey', (journey) => {
  it('a person makes a token that expires, a script reads with it, the person revokes it', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await page.goto(`/orgs/${harness.orgId}/settings`);
    const card = page.getByRole('region', { name: 'API-tokens' });
    await card.getByText('Inga API-tokens.').waitFor();

    // Without a name the token is not made, and the field says why.
    await card.getByRole('button', { name: 'Skapa token' }).click();
    await card.getByText('Ge den ett namn').waitFor();
    await field(card, 'Namn').fill('Nattlig export');
    expect(await field(card, 'Går ut efter').inputValue()).toBe('90 dagar');
    await pickOption(page, field(card, 'Går ut efter'), '30 dagar');
    await card.getByRole('button', { name: 'Skapa token' }).click();
    const token = await page.getByTestId('api-token').inputValue();
    expect(token).toMatch(/^rkt_/);
    await expectNoSeriousViolations(page, 'API token created');
    await page.getByRole('button', { name: 'Klar' }).click();

    const read = async () =>
      (await fetch(`${harness.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await read()).toBe(200);
    await page.reload();
    const row = page.getByTestId('api-token-row');
    await row.getByText('Nattlig export').waitFor();
    await row.getByText(/^Skapad .* · Senast använd /).waitFor();
    await row.getByText(/^Går ut /).waitFor();

    await row.getByRole('button', { name: 'Återkalla' }).click();
    await page
      .getByRole('dialog', { name: 'Återkalla Nattlig export?' })
      .getByRole('button', { name: 'Återkalla' })
      .click();
    await card.getByText('Inga API-tokens.').waitFor();
    // The server's cache of callers lets go of a revoked token at once.
    expect(await read()).toBe(401);
  });
});
