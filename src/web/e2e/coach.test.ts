// The coach in the browser: the owner writes a team objective that only restates one of
// the team's key results, sees the coach's waterfall advice appear as they type, rewrites
// it as the team's own objective, sees the advice go, and saves. Then the review list,
// scanned with axe. And the unit page asks for its coach corner with the rest of what it
// shows, in one batch.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const KEY_RESULT = '300 deltagare på interna event';
const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const OWN_OBJECTIVE = 'Göra interna event till höstens mötesplats';

const waterfall = (page: Page) => page.getByTestId('coach-live').locator('[data-rule="alignment.waterfall"]');

/** The team Marknad's page, reached through the list of units. */
async function openMarknad(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudnavigering' })
    .getByRole('link', { name: 'Team och enheter' })
    .click();
  await page.getByRole('link', { name: 'Marknad', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Marknad' }).waitFor();
}

browserSuite('coach journey', (journey) => {
  it('flags an objective that restates a key result, and lets it go once rewritten', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');

    await openMarknad(page);
    // The unit's alignment health and coach corner.
    await page.getByRole('heading', { name: 'Målens förankring' }).waitFor();
    await page.getByRole('heading', { name: 'Coachen', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Nytt mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    const form = page.getByRole('main');
    await expect.poll(() => field(form, 'Team eller enhet').inputValue()).toBe('Marknad');

    const supports = field(form, 'Stöder');
    await supports.click();
    await supports.pressSequentially('egna event');
    await page.getByRole('option', { name: new RegExp(`^${TEAM_OBJECTIVE}`) }).click();
    await page.keyboard.press('Escape');

    const row = page.getByRole('group', { name: 'Nyckelresultat 1' });
    await field(row, 'Nyckelresultat').fill('Nyhetsbrevet ger 100 anmälningar');
    await field(row, 'Målvärde').fill('100');
    await field(row, 'Enhet').fill('anmälningar');

    // Typed, not pasted: the coach waits for a pause (debounced) before it reads.
    const title = field(form, 'Mål');
    await title.pressSequentially(KEY_RESULT);
    await waterfall(page).waitFor({ timeout: 10_000 });
    await expect.poll(() => waterfall(page).textContent()).toMatch(/Varning/);
    // The live region announces the change politely.
    expect(await page.getByTestId('coach-live').locator('[aria-live="polite"]').count()).toBe(1);

    await title.fill('');
    await title.pressSequentially(OWN_OBJECTIVE);
    await expect.poll(() => waterfall(page).count(), { timeout: 10_000 }).toBe(0);
    await page.getByText('Coachen läser…').waitFor({ state: 'detached' });
    expect(await waterfall(page).count()).toBe(0);

    await page.getByRole('button', { name: 'Skapa mål' }).click();
    await page.getByRole('heading', { level: 1, name: OWN_OBJECTIVE }).waitFor();
  });

  it('asks for the layout’s reads with the organisation, and for all of a unit’s page in one batch', async () => {
    const { page } = journey;
    // Each API request's reads: a batch's parts, or a plain GET's path.
    const requests: string[][] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/batch') {
        const { requests: parts } = request.postDataJSON() as { requests: { path: string }[] };
        requests.push(parts.map((part) => part.path));
      } else if (url.pathname.startsWith('/api/v1/') && request.method() === 'GET') {
        requests.push([`${url.pathname.slice('/api/v1'.length)}${url.search}`]);
      }
    });
    await signIn(page, 'demo@example.com');
    await page.waitForLoadState('networkidle');
    // The bell's inbox and My week's count go with the organisation's first read, not in a
    // request of their own once the session has come. For a count, the layout asks for the
    // count: My week's key results are not read on a page that does not list them.
    const withOrg = requests.filter((reads) => reads.some((path) => /^\/orgs\/[^/?]+$/.test(path)));
    expect(withOrg).toHaveLength(1);
    expect(withOrg[0]).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/inbox\?/), expect.stringMatching(/\/key-results\/due-count$/)]),
    );
    expect(requests.flat().filter((path) => path.includes('/key-results'))).toHaveLength(1);

    requests.length = 0;
    // The unit's chat channels are asked for once its answer says the reader may manage
    // them, by a panel whose code comes in a chunk of its own: waited for by name, as the
    // page's load state was reached long before this client-side navigation.
    const chatChannelsAsked = page.waitForRequest(
      (request) => request.url().includes('/chat-channels') || (request.postData() ?? '').includes('/chat-channels'),
    );
    await openMarknad(page);
    await page.getByRole('heading', { name: 'Coachen', exact: true }).waitFor();
    await chatChannelsAsked;
    await page.waitForLoadState('networkidle');

    const withUnit = requests.filter((reads) => reads.some((path) => /^\/units\/[^/?]+$/.test(path)));
    expect(withUnit).toHaveLength(1);
    expect(withUnit[0]).toEqual(
      expect.arrayContaining(
        [
          /\/objectives\?.*unitId=/,
          /\/reflections\//,
          /\/dashboard\/summary\?/,
          /\/alignment-health\?/,
          /\/coach\?/,
          /\/feed\?/,
        ].map((read) => expect.stringMatching(read)),
      ),
    );
    // Nothing of it was asked for again on its own. Only the unit's chat channels come after
    // the unit: the panel is there only for those who may manage them, which the unit's
    // answer tells.
    const aboutUnit = (path: string) =>
      (path.includes('unitId=') || path.startsWith('/units/')) && !path.includes('/chat-channels');
    expect(requests.flat().filter(aboutUnit)).toEqual(withUnit[0]?.filter(aboutUnit));
    expect(requests.flat().filter((path) => path.includes('/chat-channels'))).toHaveLength(1);
  });

  it('lists the advice for the cycle, filtered in the URL, and passes an axe scan', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Coachen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coachen' }).waitFor();
    await page.getByTestId('advice').first().waitFor();
    // Not hovering the link just clicked: the scan is of the page at rest.
    await page.mouse.move(640, 700);
    await page.waitForLoadState('networkidle');
    await expectNoSeriousViolations(page, 'coach');

    // A filter is part of the URL, so the view can be shared.
    await page.goto(`/orgs/${harness.orgId}/coach?severity=hint`);
    await page.getByRole('heading', { level: 1, name: 'Coachen' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'råd' }).waitFor();
    await page.getByTestId('advice').first().waitFor();
    const badges = await page.getByTestId('advice').locator('.mantine-Badge-root').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((text) => text === 'Tips')).toBe(true);
  });
});
