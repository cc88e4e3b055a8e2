// Quick search with the keyboard only: Ctrl+K opens the dialog, typing finds objectives,
// key results, units and people, the arrow keys move, Enter opens the hit's page, Escape
// closes and gives the focus back. In English too.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const KEY_RESULT = 'Minska antalet supportärenden per 100 kunder från 14 till 7';

/** Opens the dialog with the shortcut, types a query and waits for the answer's options. */
async function search(page: Page, text: string) {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: /^(Sök|Search)$/ });
  const input = dialog.getByRole('combobox');
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
  // The answer to this query, not the previous one still in view while it comes.
  await expect.poll(() => dialog.getByTestId('search-status').textContent()).toMatch(/^\d+ (träff|träffar|hit|hits)$/);
  return { dialog, input };
}

/** Moves down with the arrow key to the option named `name`, checking that it becomes active. */
async function arrowTo(page: Page, dialog: ReturnType<Page['getByRole']>, name: string | RegExp) {
  const options = await dialog.getByRole('option').allTextContents();
  const target = options.findIndex((text) => (typeof name === 'string' ? text.startsWith(name) : name.test(text)));
  expect(target, `${String(name)} among ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
  const active = dialog.getByRole('option', { selected: true });
  expect(await active.textContent()).toBe(options[target]);
  const id = await active.getAttribute('id');
  expect(await dialog.getByRole('combobox').getAttribute('aria-activedescendant')).toBe(id);
}

browserSuite('quick search', (journey) => {
  it('Sara finds a key result, a team and a colleague with the keyboard only', async () => {
    const { page, harness } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();

    // A key result: it opens on its objective's page, in view and focused.
    const first = await search(page, 'supportärenden');
    await first.dialog.getByRole('group', { name: 'Nyckelresultat' }).waitFor();
    await expectNoSeriousViolations(page, 'search dialog');
    await arrowTo(page, first.dialog, KEY_RESULT);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}/objectives/[0-9a-f-]+#kr-[0-9a-f-]+$`));
    await first.dialog.waitFor({ state: 'hidden' });
    const card = page.getByRole('article', { name: KEY_RESULT });
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true);

    // A unit, further down the list than the objectives that name it.
    const second = await search(page, 'marknad');
    await arrowTo(page, second.dialog, /^Marknad(Team|Avdelning|Division|Grupp)$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}/units/[0-9a-f-]+$`));
    await page.getByRole('heading', { level: 1, name: 'Marknad' }).waitFor();

    // A colleague: their OKRs.
    const third = await search(page, 'anna e');
    await arrowTo(page, third.dialog, 'Anna Ek');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}/people/[0-9a-f-]+$`));
    await page.getByRole('heading', { level: 1, name: 'Anna Ek' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Individuella mål' }).waitFor();

    // From the header's button: too short a query says so; Escape closes and the focus is back.
    const button = page.getByRole('banner').getByRole('button', { name: 'Sök' });
    expect(await button.getAttribute('aria-keyshortcuts')).toBe('Control+K');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sök' });
    const status = dialog.getByTestId('search-status');
    // The last search ended in a page, so the field starts empty again.
    await expect.poll(() => status.textContent()).toMatch(/^Skriv minst 2 tecken\./);
    await page.keyboard.type('a');
    await expect.poll(() => status.textContent()).toBe('Skriv vidare: minst 2 tecken.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('speaks English, and says when nothing matches', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await switchToEnglish(page);
    // Typed at once, while the dialog's code still loads: nothing is lost.
    await page.keyboard.press('Control+K');
    await page.keyboard.type('q');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    const input = dialog.getByRole('combobox', { name: 'Search objectives, key results, teams and people' });
    expect(await input.getAttribute('placeholder')).toBe('Objectives, key results, teams, people…');
    await expect
      .poll(() => dialog.getByTestId('search-status').textContent())
      .toBe('Keep typing: at least 2 characters.');
    await page.keyboard.type('xzq');
    await expect
      .poll(() => dialog.getByTestId('search-status').textContent())
      .toBe('Nothing matches “qxzq”. Try part of a word, or another word.');
    expect(await dialog.getByRole('option').count()).toBe(0);
  });
});
