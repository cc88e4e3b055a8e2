// What the accessibility journeys (a11y*.test.ts) share: the demo's pages an owner sees,
// how each shows it has loaded, and the scan.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations, scrollToEnd, type Harness } from './harness.ts';
import { field } from './locators.ts';

export const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';

export interface DemoIds {
  orgId: string;
  objectiveId: string;
  unitId: string;
}

export async function demoIds(page: Page, harness: Harness): Promise<DemoIds> {
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
export async function scan(page: Page, name: string, path: string, ready: (page: Page) => Promise<void>) {
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
export const OWNER_PAGES: { name: string; path: (ids: DemoIds) => string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    path: (ids) => `/orgs/${ids.orgId}`,
    ready: async (page) => {
      await page.getByTestId('objective-card').first().waitFor();
      await page.getByRole('heading', { name: 'Strategi', exact: true }).waitFor();
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
