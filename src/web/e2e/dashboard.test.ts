// Dashboards in the browser: the owner opens the organisation's dashboard from the
// navigation (figures, charts and their tables), follows a unit to its own dashboard, and
// sees net confidence on the home and unit pages; a member's phone shows the dashboard at
// 375 px without scrolling sideways. Every view passes an axe scan.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations, hasHorizontalScroll, scrollToEnd, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';

const figure = (page: Page, testId: string) => page.getByTestId(testId).getByTestId(`${testId}-value`);

async function settle(page: Page) {
  await page.mouse.move(640, 700);
  await page.waitForLoadState('networkidle');
}

browserSuite('dashboard journey', (journey) => {
  it('shows the organisation’s figures and charts, then a unit’s', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');

    // The organisation home shows net confidence as one figure, with the way to the dashboard
    // (below the objectives: it loads as it comes into sight).
    await page.getByTestId('objective-card').first().waitFor();
    await scrollToEnd(page);
    const small = page.getByTestId('net-confidence');
    await expect.poll(() => small.getByTestId('net-confidence-value').textContent()).toMatch(/^([+−-]?\d+|—)$/);

    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    // It names the period its figures count: the quarter; the year's organisation objectives count in the year.
    await page
      .getByText(/^Så går det under Q\d \d{4} för hela organisationen\. Organisationens mål för (\d{4}) räknas i \1\.$/)
      .waitFor();
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => figure(page, 'figure-net-confidence').textContent()).toMatch(/^([+−-]?\d+|—)$/);
    await expect.poll(() => figure(page, 'figure-on-track').textContent()).toMatch(/^\d+ av \d+$/);
    await expect.poll(() => figure(page, 'figure-progress').textContent()).toMatch(/%$/);
    await expect.poll(() => figure(page, 'figure-participation').textContent()).toMatch(/%$/);

    // The charts load on demand and draw; their numbers are also there as tables.
    for (const id of ['dashboard-status', 'dashboard-distribution', 'dashboard-trend']) {
      await page.getByTestId(id).getByTestId('chart').locator('svg.recharts-surface').first().waitFor();
    }
    const statusTable = page.getByTestId('dashboard-status').getByRole('table');
    await expect.poll(() => statusTable.getByRole('rowheader', { name: 'I fas' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('trend-week').count()).toBeGreaterThanOrEqual(12);
    await expect.poll(() => page.getByTestId('dashboard-trend').textContent()).toMatch(/avstämningar hittills/);
    await page.getByRole('heading', { name: 'Förankring' }).waitFor();
    await settle(page);
    await expectNoSeriousViolations(page, 'dashboard');

    // One row per top-level unit, each a way to that unit's dashboard.
    const rows = page.getByTestId('dashboard-units-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const first = rows.first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { level: 1, name: `Översikt: ${name}` }).waitFor();
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('dashboard-status').getByTestId('chart').locator('svg.recharts-surface').first().waitFor();
    await settle(page);
    await expectNoSeriousViolations(page, 'unit dashboard');

    // Back on the unit page, the same net confidence in small.
    await page.getByRole('link', { name: `Tillbaka till ${name}` }).click();
    // Exact: the dashboard's own heading ("Översikt: <name>") contains the unit's name.
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    await page.getByTestId('net-confidence').getByTestId('net-confidence-value').waitFor();
    await page.getByTestId('net-confidence').getByRole('link', { name: 'Öppna översikten' }).waitFor();
  });

  it('fits a 375 px phone and speaks English when asked', async () => {
    const { harness } = journey;
    const phone = await journey.openPage({ width: 375, height: 740 });
    await signIn(phone, 'sara@example.com');
    await phone.goto(`/orgs/${harness.orgId}/dashboard`);
    await phone.getByTestId('dashboard').waitFor();
    await phone.getByTestId('dashboard-trend').getByTestId('chart').locator('svg.recharts-surface').first().waitFor();
    await settle(phone);
    expect(await hasHorizontalScroll(phone)).toMatchObject({ overflow: false });
    await expectNoSeriousViolations(phone, 'dashboard (375 px)');

    await phone.getByRole('button', { name: 'EN', exact: true }).click();
    await phone.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await phone.getByText('Net confidence').first().waitFor();
  });
});
