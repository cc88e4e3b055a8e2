// Sara's week: three of her key results are due (the demo's), she checks all three in
// with the keyboard in one pass on "My week", sees them up to date and the new values on
// her objective, and sets the objective's status herself.
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations, hasHorizontalScroll, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const NEW_VALUES: Record<string, { value: string; confidence: string; note: string; figures: string }> = {
  'E-post genererar 100 anmälningar': {
    value: '70',
    confidence: '8',
    note: 'Sista utskicket gav sju till',
    figures: '70 av 100 anmälningar',
  },
  'Varje säljare bjuder in minst 10 kunder': {
    value: '9',
    confidence: '7',
    note: 'Nästan alla säljare är klara',
    figures: '9 av 10 kunder',
  },
  'Sociala medier genererar 100 anmälningar': {
    value: '41',
    confidence: '5',
    note: 'Annonserna i regionerna har börjat',
    figures: '41 av 100 anmälningar',
  },
};

/** The name of the element that has the keyboard focus, as a screen reader would say it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    if (!active) return '';
    const label = active.labels?.[0]?.textContent ?? active.getAttribute('aria-label') ?? active.textContent ?? '';
    const row = active.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
    return `${row} / ${label.trim()}`;
  });

const openMyWeek = async (page: Page) => {
  await page
    .getByRole('navigation', { name: 'Huvudnavigering' })
    .getByRole('link', { name: /^Min vecka/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Min vecka' }).waitFor();
  // Off the link just clicked: its hover colour is not what the page shows at rest.
  await page.mouse.move(600, 5);
};

const dueRows = (page: Page): Locator => page.locator('[data-testid="week-row"][data-due]');

browserSuite('my week', (journey) => {
  it('Sara checks in all three due key results with the keyboard in one pass and sees them up to date', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    // The navigation counts what is due.
    await expect.poll(() => page.getByTestId('week-due-badge').textContent()).toBe('3');
    await openMyWeek(page);
    await page.getByText('3 nyckelresultat har inte stämts av inom sin rytm.').waitFor();
    await expect.poll(() => dueRows(page).count()).toBe(3);
    // What is not due is listed too, and can be checked in as well.
    await page.getByRole('heading', { level: 2, name: 'Inte dags än' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="week-row"]:not([data-due])').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'my week');

    // Keyboard only: from the first value field, type, Tab, type, Tab, type; Tab past the
    // row's "include" box and the next row's objective link; Enter saves them all.
    const titles: string[] = [];
    for (const legend of await dueRows(page).locator('legend').allTextContents())
      titles.push(Object.keys(NEW_VALUES).find((title) => legend.startsWith(title)) ?? legend);
    expect([...titles].sort()).toEqual(Object.keys(NEW_VALUES).sort());
    await dueRows(page)
      .first()
      .getByLabel(/^Nytt värde/)
      .focus();
    for (const [index, title] of titles.entries()) {
      const input = NEW_VALUES[title];
      if (!input) throw new Error(`unexpected row ${title}`);
      await expect.poll(() => focused(page)).toMatch(new RegExp(`^${title}.* / Nytt värde`));
      await page.keyboard.type(input.value);
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toMatch(/ \/ Tilltro \(0–10\)$/);
      await page.keyboard.type(input.confidence);
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toMatch(/ \/ Kommentar \(frivillig\)$/);
      await page.keyboard.type(input.note);
      if (index < titles.length - 1) {
        await page.keyboard.press('Tab');
        await expect.poll(() => focused(page)).toMatch(/ \/ Ta med när du sparar$/);
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
      }
    }
    await page.getByText('3 avstämningar är redo att sparas.').waitFor();
    await page.keyboard.press('Enter');

    // A summary of what was saved takes the focus; the rows are now up to date.
    const summary = page.getByTestId('week-summary');
    await summary.getByText('3 avstämningar sparade').waitFor();
    await expect.poll(() => summary.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await expect
      .poll(() => summary.textContent())
      .toContain('E-post genererar 100 anmälningar: 63 → 70 anmälningar, tilltro 8');
    await page.getByText('Inget väntar på dig den här veckan.').waitFor();
    await expect.poll(() => dueRows(page).count()).toBe(0);
    await expect.poll(() => page.getByTestId('week-due-badge').count()).toBe(0);
    await expectNoSeriousViolations(page, 'my week (saved)');

    // The objective page shows the new values.
    await page
      .getByRole('link', { name: `Mål: ${SARA_OBJECTIVE}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    for (const [title, input] of Object.entries(NEW_VALUES))
      await expect
        .poll(() => page.getByRole('article', { name: title }).getByTestId('key-result-figures').textContent())
        .toContain(input.figures);
  });

  it('Sara sets her objective’s status herself and hands it back to the suggestion', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();

    const status = page.getByLabel('Status', { exact: true });
    const suggestion = status.locator('option').first();
    await expect.poll(() => suggestion.textContent()).toMatch(/^Föreslagen \((I fas|I riskzonen|Efter plan)\)$/);
    const suggested = (await suggestion.textContent()) ?? '';
    expect(suggested).toMatch(/^Föreslagen \((I fas|I riskzonen|Efter plan)\)$/);
    await page.getByText('Följer förslaget utifrån framsteg mot planen och den senaste tilltron.').waitFor();

    // Choose a status with the keyboard, different from the suggestion.
    const chosen = suggested.includes('Efter plan') ? 'I fas' : 'Efter plan';
    await status.focus();
    await status.selectOption({ label: chosen });
    await page.getByText(`Status: ${chosen}`).first().waitFor();
    await page.getByText(/^Vald av ägaren\. Förslaget utifrån framsteg och tilltro är: /).waitFor();
    await expect.poll(() => status.inputValue()).not.toBe('suggested');
    // The badge in the heading follows the chosen status.
    await page.locator('main').getByText(chosen, { exact: true }).first().waitFor();
    await expectNoSeriousViolations(page, 'objective page with a chosen status');

    await status.selectOption({ value: 'suggested' });
    await page.getByText('Följer förslaget utifrån framsteg mot planen och den senaste tilltron.').waitFor();
    await expect.poll(() => status.inputValue()).toBe('suggested');
  });

  it('My week fits a 375 px phone and reads in English', async () => {
    const phone = await journey.openPage({ width: 375, height: 740 });
    await signIn(phone, 'sara@example.com');
    await phone.getByRole('button', { name: 'Öppna navigeringen' }).click();
    await openMyWeek(phone);
    // Sara checked in above: her key results are all listed, if no longer due.
    await expect.poll(() => phone.getByTestId('week-row').count()).toBeGreaterThan(0);
    expect((await hasHorizontalScroll(phone)).overflow).toBe(false);
    await expectNoSeriousViolations(phone, 'my week (375 px)');

    await switchToEnglish(phone);
    await phone.getByRole('heading', { level: 1, name: 'My week' }).waitFor();
    await phone.getByRole('heading', { level: 2, name: 'Time for a check-in' }).waitFor();
    await phone.getByRole('button', { name: 'Save check-ins' }).waitFor();
    // Saving with nothing changed says so, and writes nothing.
    await phone.getByRole('button', { name: 'Save check-ins' }).click();
    await phone.getByText('Nothing to save yet: change a value, a confidence or a note first.').waitFor();
    expect(await phone.getByTestId('week-summary').count()).toBe(0);
  });
});
