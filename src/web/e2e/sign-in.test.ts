// Signing in and the organisation home: the first thing everyone sees.
import { expect, it } from 'vitest';
import { expectNoSeriousViolations, scrollToEnd, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';

browserSuite('sign-in and organisation home', (journey) => {
  it('refuses a wrong password with a message, then signs in to the organisation home', async () => {
    const { page } = journey;
    // The browser reports the refused sign-in as a failed request.
    journey.errors.allow(/status of 401/);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { level: 1, name: 'Logga in i Riktning' }).waitFor();
    await expectNoSeriousViolations(page, 'sign-in');

    await page.getByLabel(/^E-post/).fill('demo@example.com');
    await page.getByLabel(/^Lösenord/).fill('not the password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Fel e-postadress eller lösenord.');

    await signIn(page, 'demo@example.com');
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
    await page.getByRole('heading', { name: 'Organisationens mål' }).waitFor();
    await page.getByRole('link', { name: 'Bli förstahandsvalet för energismart belysning i Norden' }).waitFor();
    await expect.poll(() => page.getByTestId('objective-card').count()).toBeGreaterThanOrEqual(4);
    // The panels below the objectives load as they come into sight.
    await scrollToEnd(page);
    await page.getByTestId('activity-feed').waitFor();
    await expectNoSeriousViolations(page, 'home');
  });

  it('sends a signed-out visitor of a deep link to sign-in and back there afterwards', async () => {
    const { page, harness } = journey;
    await page.goto(`/orgs/${harness.orgId}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(/^E-post/).fill('sara@example.com');
    await page.getByLabel(/^Lösenord/).fill('riktning-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}$`));
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
  });
});
