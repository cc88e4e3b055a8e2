// Accessibility: an axe scan of every main page (no serious or critical violations; the
// counts of every impact go to dist/axe-report.json), and the phone-width pass: the home
// and objective pages fit 375 px without scrolling sideways.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  csrfHeaders,
  expectNoSeriousViolations,
  hasHorizontalScroll,
  scrollToEnd,
  signIn,
  type Harness,
} from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

interface DemoIds {
  orgId: string;
  objectiveId: string;
  unitId: string;
}

async function demoIds(page: Page, harness: Harness): Promise<DemoIds> {
  const get = async <T>(path: string) => (await (await page.request.get(`/api/v1${path}`)).json()) as T;
  const objectives = await get<{ items: { id: string; title: string }[] }>(
    `/orgs/${harness.orgId}/objectives?q=${encodeURIComponent(SARA_OBJECTIVE)}`,
  );
  const units = await get<{ items: { id: string; name: string }[] }>(`/orgs/${harness.orgId}/units?limit=200`);
  const objectiveId = objectives.items.find((o) => o.title === SARA_OBJECTIVE)?.id;
  const unitId = units.items.find((u) => u.name === 'Marknad')?.id;
  if (!objectiveId || !unitId) throw new Error('The demo organisation lacks Sara’s objective or the team Marknad.');
  return { orgId: harness.orgId, objectiveId, unitId };
}

/** Waits until the page has its heading and its data, then scans it. */
async function scan(page: Page, name: string, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await ready(page);
  await page.waitForLoadState('networkidle');
  await expectNoSeriousViolations(page, name);
}

const heading = (name: string) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

/** The pages an owner sees: path from the demo's ids, and what shows the page is loaded. */
const OWNER_PAGES: { name: string; path: (ids: DemoIds) => string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    path: (ids) => `/orgs/${ids.orgId}`,
    ready: async (page) => {
      await page.getByTestId('objective-card').first().waitFor();
      await page.getByRole('heading', { name: 'Strategi' }).waitFor();
      // The panels below the objectives load as they come into sight.
      await scrollToEnd(page);
      await page.getByTestId('activity-feed').waitFor();
    },
  },
  {
    name: 'units',
    path: (ids) => `/orgs/${ids.orgId}/units`,
    ready: async (page) => {
      await page.getByRole('link', { name: 'Marknad', exact: true }).waitFor();
    },
  },
  {
    name: 'unit page',
    path: (ids) => `/orgs/${ids.orgId}/units/${ids.unitId}`,
    ready: async (page) => {
      await heading('Marknad')(page);
      await page.getByTestId('objective-card').first().waitFor();
      await page.getByTestId('supports').first().waitFor();
    },
  },
  {
    name: 'dashboard',
    path: (ids) => `/orgs/${ids.orgId}/dashboard`,
    ready: async (page) => {
      await heading('Översikt')(page);
      await page.getByTestId('dashboard-trend').locator('svg.recharts-surface').first().waitFor();
    },
  },
  {
    name: 'unit dashboard',
    path: (ids) => `/orgs/${ids.orgId}/units/${ids.unitId}/dashboard`,
    ready: async (page) => {
      await heading('Översikt: Marknad')(page);
      await page.getByTestId('dashboard-status').locator('svg.recharts-surface').first().waitFor();
    },
  },
  {
    name: 'objective page',
    path: (ids) => `/orgs/${ids.orgId}/objectives/${ids.objectiveId}`,
    ready: async (page) => {
      await heading(SARA_OBJECTIVE)(page);
      await page.getByTestId('history-chart').locator('svg').first().waitFor();
    },
  },
  {
    name: 'new objective form',
    path: (ids) => `/orgs/${ids.orgId}/objectives/new?level=unit&unitId=${ids.unitId}`,
    ready: async (page) => {
      await heading('Nytt mål')(page);
      await page.getByTestId('key-result-row').first().waitFor();
    },
  },
  {
    name: 'edit objective form',
    path: (ids) => `/orgs/${ids.orgId}/objectives/${ids.objectiveId}/edit`,
    ready: async (page) => {
      // The heading is drawn before the objective has loaded; the form is filled once it has.
      await heading('Redigera mål')(page);
      await expect.poll(() => field(page, 'Mål').inputValue()).toBe(SARA_OBJECTIVE);
    },
  },
  ...(['members', 'units', 'cycles', 'profile'] as const).map((tab) => ({
    name: `admin: ${tab}`,
    path: (ids: DemoIds) => `/orgs/${ids.orgId}/admin/${tab}`,
    ready: async (page: Page) => {
      await page.getByRole('tab', { selected: true }).waitFor();
      await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first().waitFor();
    },
  })),
];

browserSuite('accessibility', (journey) => {
  it('sign-in page', async () => {
    const { page } = journey;
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Logga in i Riktning' }).waitFor();
    await expectNoSeriousViolations(page, 'sign-in');
  });

  for (const target of OWNER_PAGES) {
    it(`${target.name} (as the owner)`, async () => {
      const { page, harness } = journey;
      await signIn(page, 'demo@example.com');
      const ids = await demoIds(page, harness);
      await scan(page, target.name, target.path(ids), target.ready);
    });
  }

  it('admin dialogs (as the owner)', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
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
    await signIn(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await scan(page, 'my OKRs', `/orgs/${ids.orgId}/me`, async (p) => {
      await p.getByRole('heading', { level: 1, name: 'Mina OKR' }).waitFor();
      await p.getByRole('heading', { level: 2 }).first().waitFor();
    });
  });

  it('quick check-in dialog (as Sara)', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.getByTestId('key-result').first().getByRole('button', { name: 'Stäm av' }).click();
    await page.getByRole('dialog', { name: 'Stäm av' }).waitFor();
    await expectNoSeriousViolations(page, 'check-in dialog');
  });

  it('the active navigation link under the mouse', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/dashboard`);
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).hover();
    await expectNoSeriousViolations(page, 'hovered active navigation link');
  });

  it('invitation page', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    const added = await page.request.post(`/api/v1/orgs/${harness.orgId}/members`, {
      headers: await csrfHeaders(page),
      data: { email: 'ny.kollega@example.com', name: 'Ny Kollega', role: 'member' },
    });
    expect(added.status()).toBe(201);
    const { invitation } = (await added.json()) as { invitation?: { url: string } };
    if (!invitation) throw new Error('No invitation link for a new account.');
    const guest = await journey.openPage();
    await guest.goto(invitation.url);
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
    await phone.getByRole('heading', { name: 'Strategi' }).waitFor();
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
});
