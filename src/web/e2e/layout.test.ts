// The layout rules a tester's walk found broken: an objective card's badges wrap below its
// title instead of being cut off at the card's edge (375 px and a narrow column at 1280),
// a notification never covers the control it is about nor, on a phone, the header, and the
// objective page does not move under the reader's pointer when its charts come in.
import { expect, it } from 'vitest';
import type { Locator, Page, Route } from 'playwright-core';
import { signInDirectly } from './harness.ts';
import { browserSuite } from './journey.ts';
import { SARA_OBJECTIVE, demoIds } from './a11y-pages.ts';

type Box = { x: number; y: number; width: number; height: number };

const boxOf = async (locator: Locator): Promise<Box> => {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
};
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every card's badges lie inside the card and the window, and none is cut short (ellipsis). */
async function expectBadgesWhole(page: Page): Promise<void> {
  const cards = page.getByTestId('objective-card');
  await cards.first().waitFor();
  const width = page.viewportSize()?.width ?? 0;
  for (const card of await cards.all()) {
    const cardBox = await boxOf(card);
    for (const badge of await card.locator('.mantine-Badge-root').all()) {
      const box = await boxOf(badge);
      expect(box.x).toBeGreaterThanOrEqual(cardBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const cut = await badge
        .locator('.mantine-Badge-label')
        .evaluate((label) => label.scrollWidth > label.clientWidth + 1);
      expect(cut, `${await badge.textContent()} is cut short`).toBe(false);
    }
    // The title has the card's width when the badges wrap below it, never a narrow column.
    const title = await boxOf(card.getByRole('link').first());
    expect(title.width).toBeGreaterThan(Math.min(200, cardBox.width / 2));
  }
}

/** The visible notification's box, once it says `text`. */
async function toastBox(page: Page, text: string | RegExp): Promise<Box> {
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: text });
  await toast.waitFor();
  // Past its entrance transition.
  await page.waitForTimeout(400);
  return boxOf(toast);
}

browserSuite('layout: cards and notifications', (journey) => {
  it('objective cards keep their badges whole at 375 px and in a narrow column at 1280 px', async () => {
    const { harness } = journey;
    for (const viewport of [
      { width: 375, height: 740 },
      { width: 1280, height: 800 },
    ]) {
      const page = await journey.openPage(viewport);
      await signInDirectly(page, 'sara@example.com');
      const ids = await demoIds(page, harness);
      await page.goto(`/orgs/${ids.orgId}/me`);
      await expectBadgesWhole(page);
      await page.goto(`/orgs/${ids.orgId}/units/${ids.unitId}`);
      await expectBadgesWhole(page);
    }
  });

  it('at 1280 px a notification stays in the navigation column, off the comment box it is about', async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    const box = page.getByRole('textbox', { name: /^Skriv en kommentar/ });
    await box.scrollIntoViewIfNeeded();
    await box.fill('Bra jobbat med utskicken');
    const send = page.getByRole('button', { name: 'Kommentera' });
    await send.click();
    const toast = await toastBox(page, 'Kommentaren är tillagd');
    const nav = await boxOf(page.getByRole('navigation', { name: 'Huvudnavigering' }));
    expect(toast.x + toast.width).toBeLessThanOrEqual(nav.x + nav.width);
    expect(intersects(toast, await boxOf(box))).toBe(false);
    expect(intersects(toast, await boxOf(send))).toBe(false);
  });

  it('at 375 px a notification shows below the header, off the control just used', async () => {
    const { harness } = journey;
    const page = await journey.openPage({ width: 375, height: 740 });
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    const add = page.getByRole('button', { name: /^Lägg till aktivitet för/ }).first();
    await add.scrollIntoViewIfNeeded();
    await add.click();
    await page
      .getByRole('textbox', { name: /^Aktivitet/ })
      .first()
      .fill('Boka lokal till eventet');
    const submit = page.getByRole('button', { name: 'Lägg till', exact: true }).first();
    const submitBox = await boxOf(submit);
    await submit.click();
    const toast = await toastBox(page, 'Aktiviteten är tillagd');
    expect(intersects(toast, await boxOf(page.locator('header')))).toBe(false);
    expect(intersects(toast, submitBox)).toBe(false);
    expect(toast.x + toast.width).toBeLessThanOrEqual(375);
  });
  it("a key result's chart stands in at its drawn height until its check-ins come", async () => {
    const { page, harness } = journey;
    await signInDirectly(page, 'sara@example.com');
    const ids = await demoIds(page, harness);
    // Every read of check-ins (alone or within a batch) waits until the stand-ins are measured.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/api/v1/**', (route) => {
      const request = route.request();
      if (holding && `${request.url()} ${request.postData() ?? ''}`.includes('/check-ins')) held.push(route);
      else void route.continue();
    });
    await page.goto(`/orgs/${ids.orgId}/objectives/${ids.objectiveId}`);
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    const standIns = page.getByTestId('history-chart-loading');
    await expect.poll(() => standIns.count()).toBe(3);
    const heights = async (figures: Locator) =>
      Promise.all((await figures.all()).map(async (figure) => (await boxOf(figure)).height));
    const before = await heights(standIns);

    holding = false;
    await Promise.all(held.map((route) => route.continue()));
    const drawn = page.getByTestId('history-chart');
    await expect.poll(() => drawn.locator('svg.recharts-surface').count()).toBe(3);
    const after = await heights(drawn);
    // The chart, its legend and a line of caption are there from the start; only a caption
    // longer than a line (the plan's clause wraps in this column) adds to it.
    const line = await drawn
      .first()
      .locator('figcaption')
      .evaluate((caption) => parseFloat(getComputedStyle(caption).lineHeight));
    after.forEach((height, i) => {
      expect(height - (before[i] ?? 0)).toBeGreaterThanOrEqual(0);
      expect(height - (before[i] ?? 0)).toBeLessThanOrEqual(line + 1);
    });
  });
});
