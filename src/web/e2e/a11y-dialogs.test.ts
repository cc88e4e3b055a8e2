// Accessibility of the dialogs (admin, check-in), of the pages people see of their own and
// of the invitation, and the phone-width pass: the home and objective pages fit 375 px
// without scrolling sideways. The owner's main pages are in a11y.test.ts.
import { expect, it } from 'vitest';
import {
  csrfHeaders,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  scrollToEnd,
  signIn,
  signInDirectly,
} from './harness.ts';
import { browserSuite } from './journey.ts';
import { OWNER_PAGES, SARA_OBJECTIVE, demoIds, scan } from './a11y-pages.ts';
import { mailedInvitation } from '../../test/invitation-mail.ts';

browserSuite('accessibility of dialogs, people’s pages and phones', (journey) => {
  it('admin dialogs (as the owner)', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'demo@example.com');
    const dialogs = [
      { tab: 'members', button: 'Bjud in en person', name: 'invite dialog' },
      { tab: 'units', button: 'Ny enhet', name: 'new unit dialog' },
      { tab: 'cycles', button: 'Ny period', name: 'new cycle dialog' },
    ];
    for (const dialog of dialogs) {
      await page.goto(`/orgs/${harness.orgId}/admin/${dialog.tab}`);
      await page.getByRole('button', { name: dialog.button }).click();
      await page.getByRole('dialog', { name: dialog.button }).waitFor();
      await expectNoSeriousViolations(page, `admin: ${dialog.name}`);
    }
  });

  it('my OKRs (as Sara)', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await scan(page, 'my OKRs', `/orgs/${ids.orgId}/me`, async (p) => {
      await p.getByRole('heading', { level: 1, name: 'Mina OKR' }).waitFor();
      await p.getByRole('heading', { level: 2 }).first().waitFor();
    });
  });

  it('quick check-in dialog (as Sara)', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.getByTestId('key-result').first().getByRole('button', { name: 'Stäm av' }).click();
    await page.getByRole('dialog', { name: 'Stäm av' }).waitFor();
    await expectNoSeriousViolations(page, 'check-in dialog');
  });

  it('a page while its data loads (as Sara)', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    // The page's reads wait until it has been scanned with its loading indicators showing.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/batch', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.locator('.mantine-Loader-root').first().waitFor();
    try {
      await expectNoSeriousViolations(page, 'objective page loading');
    } finally {
      release();
    }
    await page.getByTestId('key-result').first().waitFor();
  });

  it('the active navigation link under the mouse', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).hover();
    await expectNoSeriousViolations(page, 'hovered active navigation link');
  });

  it('invitation page', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'demo@example.com');
    const added = await page.request.post(`/api/v1/orgs/${harness.orgId}/members`, {
      headers: await csrfHeaders(page),
      data: { email: 'ny.kollega@example.com', name: 'Ny Kollega', role: 'member' },
    });
    expect(added.status()).toBe(201);
    const { path: link } = await mailedInvitation(harness.handle.db, harness.orgId, 'ny.kollega@example.com');
    const guest = await journey.openPage();
    await guest.goto(link);
    await guest.getByRole('heading', { level: 1, name: 'Gå med i Nordljus AB' }).waitFor();
    await expectNoSeriousViolations(guest, 'invitation');
  });

  it('home and objective page fit a 375 px phone without scrolling sideways', async () => {
    const { harness } = journey;
    const phone = await journey.openPage({ width: 375, height: 740 });
    await signIn(phone, 'sara@example.com');
    const ids = await demoIds(phone, harness);

    await phone.goto(`/orgs/${ids.orgId}`);
    await phone.getByTestId('objective-card').first().waitFor();
    await phone.getByRole('heading', { name: 'Strategi', exact: true }).waitFor();
    await scrollToEnd(phone);
    await phone.getByTestId('activity-feed').waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await hasHorizontalScroll(phone)).toMatchObject({ overflow: false });
    // The navigation folds into a menu button on a phone.
    await phone.getByRole('button', { name: 'Öppna navigeringen' }).waitFor();

    await phone.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await phone.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await phone.getByTestId('history-chart').locator('svg').first().waitFor();
    await phone.waitForLoadState('networkidle');
    expect(await hasHorizontalScroll(phone)).toMatchObject({ overflow: false });
    await expectNoSeriousViolations(phone, 'objective page (375 px)');
  });

  it('every main page in the dark scheme (the system’s, followed)', async () => {
    const { harness } = journey;
    const dark = await journey.openPage({ colorScheme: 'dark' });
    await signInDirectly(dark, 'demo@example.com');
    const ids = await demoIds(dark, harness);
    for (const target of OWNER_PAGES) await scan(dark, `${target.name} (dark)`, target.path(ids), target.ready);
    expect(await dark.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
  });
});
