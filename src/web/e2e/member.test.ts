// A member's week: Sara finds her team, opens her own objective from the team's, checks in
// a key result with the keyboard and sees the figures move, reads the page in English and
// signs out.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';

const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const KEY_RESULT = 'Sociala medier genererar 100 anmälningar';

/** What the page shows for one key result and its objective, to compare before and after. */
async function figures(page: Page, keyResult: Locator) {
  return {
    keyResultProgress: await keyResult.getByTestId('progress-value').textContent(),
    keyResultFigures: await keyResult.getByTestId('key-result-figures').textContent(),
    objectiveProgress: await page.getByTestId('objective-progress').getByTestId('progress-value').textContent(),
    historyPoints: await keyResult.getByTestId('history-point').count(),
    historySummary: await keyResult.getByTestId('history-chart').locator('figcaption').textContent(),
    chartDots: await keyResult.getByTestId('history-chart').locator('svg circle').count(),
  };
}

browserSuite('member journey', (journey) => {
  it('Sara finds her team, checks in on her own objective with the keyboard, reads it in English and signs out', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');

    // Teams and units → Marknad (a team beneath the division Kund & Marknad).
    await page
      .getByRole('navigation', { name: 'Huvudnavigering' })
      .getByRole('link', { name: 'Team och enheter' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Team och enheter' }).waitFor();
    await page
      .getByRole('list', { name: 'Organisationens enheter' })
      .getByRole('link', { name: 'Marknad', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Marknad' }).waitFor();
    // The team follows the organisation's weekly rhythm (it sets none of its own).
    await expect.poll(() => page.getByTestId('unit-cadence').textContent()).toBe('Stämmer av en gång på 7 dagar');

    // The team's objective, and from it the individual objective that supports it.
    await page.getByRole('link', { name: TEAM_OBJECTIVE }).click();
    await page.getByRole('heading', { level: 1, name: TEAM_OBJECTIVE }).waitFor();
    await page.getByTestId('supported-by').getByRole('link', { name: SARA_OBJECTIVE }).click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await expect.poll(() => page.getByTestId('objective-owner').textContent()).toContain('Sara Lindqvist');

    const keyResult = page.getByRole('article', { name: KEY_RESULT });
    await keyResult.getByTestId('history-point').first().waitFor({ state: 'attached' });
    await keyResult.getByTestId('history-chart').locator('svg').first().waitFor();
    await expect
      .poll(() => keyResult.getByTestId('key-result-figures').textContent())
      .toContain('34 av 100 anmälningar');
    const before = await figures(page, keyResult);
    expect(before.keyResultFigures).toContain('34 av 100 anmälningar');

    // The quick check-in, keyboard only: Enter on the button, type the value, Tab to the
    // confidence slider, arrow up, Enter saves.
    await keyResult.getByRole('button', { name: 'Stäm av' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Stäm av' });
    await dialog.waitFor();
    const value = dialog.getByLabel(/^Nytt värde/);
    await expect.poll(() => value.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('61');
    await page.keyboard.press('Tab');
    const slider = dialog.getByRole('slider', { name: 'Tilltro' });
    await expect.poll(() => slider.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('5');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Avstämningen är sparad: ${KEY_RESULT}`).waitFor();

    await expect
      .poll(() => keyResult.getByTestId('key-result-figures').textContent())
      .toContain('61 av 100 anmälningar');
    await expect.poll(async () => (await figures(page, keyResult)).historyPoints).toBe(before.historyPoints + 1);
    await expect
      .poll(async () => (await figures(page, keyResult)).objectiveProgress)
      .not.toBe(before.objectiveProgress);
    await expect.poll(async () => (await figures(page, keyResult)).keyResultProgress?.replace(/\s/g, '')).toBe('61%');
    await expect.poll(async () => (await figures(page, keyResult)).historySummary).toContain('61 anmälningar');
    await expect.poll(async () => (await figures(page, keyResult)).chartDots).toBeGreaterThan(before.chartDots);
    const after = await figures(page, keyResult);
    expect(after.keyResultProgress).not.toBe(before.keyResultProgress);
    expect(after.keyResultProgress?.replace(/\s/g, '')).toBe('61%');
    expect(after.objectiveProgress).not.toBe(before.objectiveProgress);
    expect(after.historySummary).toContain('61 anmälningar');
    expect(after.historySummary).not.toBe(before.historySummary);
    expect(after.chartDots).toBeGreaterThan(before.chartDots);

    // The header's language switch: the same page, in English.
    await switchToEnglish(page);
    await page.getByRole('heading', { level: 2, name: 'Key results' }).waitFor();
    await keyResult.getByRole('button', { name: 'Check in' }).waitFor();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My OKRs' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => keyResult.getByTestId('key-result-figures').textContent()).toContain('61 of 100');

    // Signing out lands on sign-in, in the language just chosen.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Riktning' }).waitFor();
    // The session is over on the server too.
    const session = await page.request.get('/api/v1/auth/session');
    expect(await session.json()).toEqual({ account: null });
  });
});

/** The levels the new-objective form offers, once it is drawn. */
async function levelChoices(page: Page, search: string): Promise<string[]> {
  const orgId = page.url().match(/\/orgs\/([^/?]+)/)?.[1] ?? '';
  await page.goto(`/orgs/${orgId}/objectives/new${search}`);
  const levels = page.getByRole('radiogroup', { name: 'Nivå' });
  await levels.getByRole('radio').first().waitFor();
  const radios = await levels.getByRole('radio').all();
  return Promise.all(radios.map(async (radio) => (await radio.getAttribute('aria-label')) ?? (await labelOf(radio))));
}

const labelOf = async (radio: Locator) =>
  (await radio.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '')).trim();

browserSuite('who a new objective may be for', (journey) => {
  it('Sara is offered only her own objectives, even when the address asks for the organisation; an admin every level', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    expect(await levelChoices(page, '?level=organization')).toEqual(['Individ']);
    expect(await page.getByRole('radio', { name: 'Individ' }).isChecked()).toBe(true);
    // The owner is Sara herself, and stays so.
    const person = field(page, 'Person');
    expect(await person.inputValue()).toBe('Sara Lindqvist');
    expect(await person.getAttribute('readonly')).not.toBeNull();

    await signIn(page, 'demo@example.com');
    expect(await levelChoices(page, '?level=organization')).toEqual(['Organisation', 'Team', 'Individ']);
    expect(await page.getByRole('radio', { name: 'Organisation' }).isChecked()).toBe(true);
  });
});
