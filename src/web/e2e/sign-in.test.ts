// Signing in and the organisation home: the first thing everyone sees.
import { expect, it } from 'vitest';
import { CACHE_SECONDS } from '../../app/caches.ts';
import { sessions } from '../../db/schema.ts';
import { expectNoSeriousViolations, scrollToEnd, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { common } from '../i18n/common.ts';

/** A namespace's texts, every one. */
const texts = (node: object): string[] =>
  Object.values(node).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? texts(value) : [],
  );
const swedishTexts = texts(common.sv);
/**
 * The shared texts only English has, of three words or more: not "Organisation", which both
 * have, nor "Search" or "Close", which code has too.
 */
const englishOnly = texts(common.en).filter((text) => !swedishTexts.includes(text) && /\S\s+\S+\s+\S/.test(text));

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

  it('loads the shared words in the reader’s language only, and the other language’s when switched to it', async () => {
    const { page } = journey;
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response.text());
    });
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Logga in i Riktning' }).waitFor();
    const swedish = await Promise.all(scripts);
    expect(swedish.some((script) => script.includes(common.sv.signIn.failed))).toBe(true);
    // Not one English word of `common` in what a Swedish reader loaded (src/web/i18n/namespaces.ts).
    expect(englishOnly.filter((text) => swedish.some((script) => script.includes(text)))).toEqual([]);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Riktning' }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    const both = await Promise.all(scripts);
    expect(both.some((script) => script.includes(common.en.signIn.failed))).toBe(true);
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

  it('sends someone whose session ended unused while the page was open to sign-in, and back afterwards', async () => {
    const { page, harness } = journey;
    journey.errors.allow(/status of 401/);
    await signIn(page, 'sara@example.com');
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
    // Last used eight days ago: past the week a session may go unused. Once the server's
    // cache of callers has let go of it, the next read is refused.
    await harness.handle.db.update(sessions).set({ lastUsedAt: new Date(Date.now() - 8 * 86_400_000) });
    await page.waitForTimeout(CACHE_SECONDS * 1000 + 500);
    await page.getByRole('link', { name: 'Mina OKR' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(/^E-post/).fill('sara@example.com');
    await page.getByLabel(/^Lösenord/).fill('riktning-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}/me$`));
  });
});
