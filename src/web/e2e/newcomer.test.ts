// What got in a newcomer's way, walked again in the browser: adding a year the demo
// already has, deleting a period made by mistake, one order of periods everywhere, a
// warning before closing a period that has not started, and a new development objective
// that opens as one.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { csrfHeaders, scrollToEnd, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field } from './locators.ts';
import { SARA_OBJECTIVE } from './a11y-pages.ts';

/** The language switch is saved on the account: the later tests sign in as the same people. */
async function backToSwedish(page: Page): Promise<void> {
  await page.getByRole('banner').getByText('SV', { exact: true }).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
  // Saved on the account before the test ends.
  await expect
    .poll(async () => ((await (await page.request.get('/api/v1/me')).json()) as { locale: string }).locale)
    .toBe('sv');
}

async function openCyclesTab(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  await page.getByRole('tab', { name: 'Perioder' }).click();
}

async function addYear(page: Page, year: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Lägg till ett år med kvartal' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lägg till ett år med kvartal' });
  await field(dialog, 'År').fill(year);
  return dialog;
}

browserSuite('newcomer journey', (journey) => {
  it('adding a year that exists adds only its missing quarters, again is refused, and an empty period can be deleted', async () => {
    const { page } = journey;
    // The refusals below are answers the page shows, not faults.
    journey.errors.allow(/status of 409 \(Conflict\)/);
    await signIn(page, 'demo@example.com');
    // A year planned with only its first quarter, as the demo plans the next year.
    const orgId = page.url().match(/\/orgs\/([^/?]+)/)?.[1] ?? '';
    const headers = await csrfHeaders(page);
    const year = await page.request.post(`/api/v1/orgs/${orgId}/cycles`, {
      headers,
      data: { name: '2031', startsOn: '2031-01-01', endsOn: '2031-12-31', status: 'active' },
    });
    expect(year.status()).toBe(201);
    const q1 = await page.request.post(`/api/v1/orgs/${orgId}/cycles`, {
      headers,
      data: { name: 'Q1 2031', startsOn: '2031-01-01', endsOn: '2031-03-31', parentId: (await year.json()).id },
    });
    expect(q1.status()).toBe(201);

    await page.reload();
    await openCyclesTab(page);
    const rows = page.getByTestId('cycle-row');
    await rows.filter({ hasText: 'Q1 2031' }).waitFor();
    const before = await rows.count();

    // The dialog proposes the earliest year that lacks quarters: the demo's next year when
    // it plans one (in its last quarter), else 2031; not the year after the latest.
    const nextYear = new Date().getUTCFullYear() + 1;
    const demoPlansNext = (await rows.filter({ hasText: `Q1 ${nextYear}` }).count()) > 0;
    await page.getByRole('button', { name: 'Lägg till ett år med kvartal' }).click();
    let dialog = page.getByRole('dialog', { name: 'Lägg till ett år med kvartal' });
    expect(await field(dialog, 'År').inputValue()).toBe(String(demoPlansNext ? nextYear : 2031));
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 2031 again: the dialog says it exists and lists only the quarters that will be added.
    dialog = await addYear(page, '2031');
    await dialog.getByText('2031 finns redan: bara de 3 kvartal som saknas läggs till.').waitFor();
    await expect
      .poll(() => dialog.getByTestId('year-preview').getByRole('listitem').allTextContents())
      .toEqual([
        'Q2 2031: 1 apr. 2031 – 30 juni 2031',
        'Q3 2031: 1 juli 2031 – 30 sep. 2031',
        'Q4 2031: 1 okt. 2031 – 31 dec. 2031',
      ]);
    await dialog.getByRole('button', { name: 'Skapa' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('2031 fanns redan; tillagt: Q2 2031, Q3 2031, Q4 2031.').waitFor();
    await expect.poll(() => rows.count()).toBe(before + 3);
    expect(await rows.filter({ hasText: /^2031/ }).count()).toBe(1);

    // Once more: nothing is missing, and the dialog says so at once, with nothing to create.
    dialog = await addYear(page, '2031');
    await dialog
      .getByTestId('year-exists')
      .filter({ hasText: '2031 och alla dess kvartal finns redan: det finns inget att lägga till.' })
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Skapa' }).isDisabled()).toBe(true);
    expect(await dialog.getByTestId('year-preview').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect(await rows.count()).toBe(before + 3);

    // The admin list, the header's switcher and the objective form list periods in one order.
    const adminOrder = (await rows.locator('p:first-child').allTextContents()).map((t) => t.trim());
    const switcher = page.getByRole('combobox', { name: 'Period' });
    const headerOrder = (await switcher.locator('option').allTextContents()).map((t) => t.trim());
    expect(headerOrder).toEqual(adminOrder);

    // Closing a period that has not started warns first.
    await page.getByRole('button', { name: 'Avsluta perioden 2031' }).click();
    const closing = page.getByRole('dialog', { name: 'Avsluta 2031?' });
    await expect
      .poll(() => closing.getByTestId('close-early').textContent())
      .toContain('2031 har inte börjat: den löper från 1 jan. 2031.');
    await closing.getByRole('button', { name: 'Avbryt' }).click();
    await closing.waitFor({ state: 'hidden' });

    // An empty period made by mistake goes, with the periods within it.
    await page.getByRole('button', { name: 'Ta bort 2031' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ta bort 2031?' });
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('2031 togs bort.').waitFor();
    await expect.poll(() => rows.count()).toBe(before - 2);
    expect(await rows.filter({ hasText: '2031' }).count()).toBe(0);

    // A period in use is kept, and the dialog says why.
    const inUse = rows.filter({ hasText: /^Q\d \d{4}/ }).filter({ has: page.getByText('Aktiv', { exact: true }) });
    const inUseName = (await inUse.first().locator('p:first-child').textContent())?.trim() ?? '';
    await page.getByRole('button', { name: `Ta bort ${inUseName}` }).click();
    const refuse = page.getByRole('dialog', { name: `Ta bort ${inUseName}?` });
    await refuse.getByRole('button', { name: 'Ta bort' }).click();
    await refuse.getByRole('alert').filter({ hasText: 'har mål eller reflektioner' }).waitFor();
    await refuse.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('“New development objective” opens the form as a personal development objective, in both languages', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: 'Nytt utvecklingsmål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt utvecklingsmål' }).waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Personlig utveckling' }).isChecked()).toBe(true);
    // The person's own, until they choose to share it.
    expect(await page.getByRole('radio', { name: 'Bara jag och administratörer' }).isChecked()).toBe(true);

    // In English, from My OKRs again.
    await switchToEnglish(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My OKRs' }).click();
    await page.getByRole('link', { name: 'New development objective' }).click();
    await page.getByRole('heading', { level: 1, name: 'New development objective' }).waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Personal development' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Only me and admins' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Committed' }).isChecked()).toBe(false);
    await backToSwedish(page);
  });

  it('the coach names each piece of advice once with all it is about, and the feed shows comments without Markdown marks', async () => {
    const { page } = journey;
    await signIn(page, 'demo@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Coachen' }).click();
    const items = page.getByTestId('advice');
    await items.first().waitFor();
    const titles = await items.evaluateAll((nodes) => nodes.map((n) => n.querySelector('p')?.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(1);
    expect(new Set(titles).size).toBe(titles.length);

    // The organisation home's feed: Sara's comment reads as text.
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();
    await scrollToEnd(page);
    const feed = page.getByText(/nästa vecka/).first();
    await expect.poll(() => feed.textContent()).toContain('testar kortfilmer nästa vecka');
    expect(await page.getByText('**kortfilmer**').count()).toBe(0);
  });

  it('a check-in note takes new lines and Ctrl+Enter saves, and the notification covers no “Check in” button', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: 'Öka deltagandet på interna event jämfört med förra året' }).first().click();
    const keyResult = page.getByRole('article', { name: 'Sociala medier genererar 100 anmälningar' });
    await keyResult.getByRole('button', { name: 'Stäm av' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stäm av' });
    await dialog.getByText('Enter sparar; i kommentaren Ctrl+Enter (Enter ger en ny rad).').waitFor();
    await dialog.getByLabel(/^Nytt värde/).fill('40');
    const note = dialog.getByLabel(/^Kommentar/);
    await note.click();
    await page.keyboard.type('Rad ett');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Rad två');
    expect(await note.inputValue()).toBe('Rad ett\nRad två');
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    const toast = page.getByText('Avstämningen är sparad: Sociala medier genererar 100 anmälningar');
    await toast.waitFor();
    const box = await toast.boundingBox();
    if (!box) throw new Error('the notification has no box');
    for (const button of await page.getByRole('button', { name: 'Stäm av' }).all()) {
      const other = await button.boundingBox();
      if (!other) continue;
      const overlaps =
        box.x < other.x + other.width &&
        other.x < box.x + box.width &&
        box.y < other.y + other.height &&
        other.y < box.y + box.height;
      expect(overlaps).toBe(false);
    }
  });

  it('follows the system’s dark or light scheme', async () => {
    const dark = await journey.openPage({ colorScheme: 'dark' });
    await signIn(dark, 'demo@example.com');
    await expect.poll(() => dark.locator('html').getAttribute('data-mantine-color-scheme')).toBe('dark');
    const background = await dark.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    // Dark: every channel of the background well below the middle.
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    expect(channels.every((c) => c < 80)).toBe(true);
    await signIn(journey.page, 'demo@example.com');
    await expect.poll(() => journey.page.locator('html').getAttribute('data-mantine-color-scheme')).toBe('light');
  });

  it('a missing objective, a malformed address and an unknown page each say so, with a way back, in both languages', async () => {
    const { page } = journey;
    journey.errors.allow(/status of (404|400|422)/);
    await signIn(page, 'demo@example.com');
    const orgId = page.url().match(/\/orgs\/([^/?]+)/)?.[1] ?? '';
    const problem = page.getByTestId('problem');

    await page.goto(`/orgs/${orgId}/objectives/00000000-0000-4000-8000-000000000000`);
    await problem.getByRole('heading', { level: 1, name: 'Här finns inget' }).waitFor();
    expect(await problem.getAttribute('data-kind')).toBe('notFound');

    await page.goto(`/orgs/${orgId}/objectives/inte-ett-id`);
    await problem.getByRole('heading', { level: 1, name: 'Här finns inget' }).waitFor();
    await page.goto(`/orgs/${orgId}/units/inte-ett-id`);
    await problem.getByRole('heading', { level: 1, name: 'Här finns inget' }).waitFor();

    await page.goto('/det-finns-ingen-sadan-sida');
    await problem.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await problem.getByRole('link', { name: 'Till startsidan' }).click();
    await page.waitForURL((url) => !url.pathname.includes('det-finns-ingen'));

    await page.goto(`/orgs/${orgId}/objectives/00000000-0000-4000-8000-000000000000`);
    await problem.getByRole('heading', { level: 1, name: 'Här finns inget' }).waitFor();
    await switchToEnglish(page);
    await problem.getByRole('heading', { level: 1, name: 'There is nothing here' }).waitFor();
    await problem.getByRole('button', { name: 'Go back' }).waitFor();
    await backToSwedish(page);
  });

  it('the objective form focuses its first error, counts towards its limits and never cuts a title', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: 'Nytt individuellt mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    const form = page.getByRole('main');
    const title = field(form, 'Mål');
    // Something else has the focus, far down the form, when Create is pressed with no title.
    await form.getByRole('button', { name: 'Skapa mål' }).click();
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');

    const long = 'Öka deltagandet '.repeat(20); // 320 characters
    await title.fill(long);
    expect((await title.inputValue()).length).toBe(320);
    await form.getByText('320 av 300 tecken').waitFor();
    await form.getByRole('button', { name: 'Skapa mål' }).click();
    await form.getByText('Högst 300 tecken: 20 för många').waitFor();
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('a form with unsaved changes asks before a link, the back button, a search hit or a reload throws them away', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: 'Nytt individuellt mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    const title = field(page.getByRole('main'), 'Mål');
    await title.fill('Ett mål jag inte vill förlora');

    const questions: string[] = [];
    let answer = false;
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    const myWeek = page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Min vecka' });
    await myWeek.click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toBe('Lämna sidan utan att spara dina ändringar?');
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
    expect(await title.inputValue()).toBe('Ett mål jag inte vill förlora');
    // A reload or a closed tab: the browser is asked to ask.
    const asked = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(asked).toBe(true);
    // The browser's back button: staying keeps the address, the page and the text.
    const form = page.url();
    await page.evaluate(() => window.history.back());
    await expect.poll(() => questions.length).toBe(2);
    expect(questions[1]).toBe('Lämna sidan utan att spara dina ändringar?');
    await expect.poll(() => page.url()).toBe(form);
    expect(await title.inputValue()).toBe('Ett mål jag inte vill förlora');
    // A search hit opened with Enter asks too; staying keeps the search open over the form.
    await page.keyboard.press('Control+K');
    const search = page.getByRole('dialog', { name: 'Sök' });
    await page.keyboard.type('marknad');
    await expect.poll(() => search.getByTestId('search-status').textContent()).toMatch(/^\d+ träff(ar)?$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => questions.length).toBe(3);
    expect(page.url()).toBe(form);
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).toBe('Ett mål jag inte vill förlora');

    answer = true;
    await myWeek.click();
    await page.getByRole('heading', { level: 1, name: 'Min vecka' }).waitFor();
    expect(questions).toHaveLength(4);
    // The history is as it was: back leads to the form's page.
    await page.evaluate(() => window.history.back());
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();
  });

  it('a dialog with typed text asks before it closes, and keeps the text when told to stay', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page.getByRole('navigation', { name: 'Huvudnavigering' }).getByRole('link', { name: 'Mina OKR' }).click();
    await page.getByRole('link', { name: SARA_OBJECTIVE }).first().click();
    await page.getByRole('heading', { level: 1, name: SARA_OBJECTIVE }).waitFor();
    await page.getByRole('button', { name: 'Stäm av' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Stäm av' });
    const note = dialog.getByRole('textbox', { name: /^Kommentar/ });
    await note.fill('En kommentar jag inte vill förlora');

    const questions: string[] = [];
    let answer = false;
    page.on('dialog', (question) => {
      questions.push(question.message());
      void (answer ? question.accept() : question.dismiss());
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toBe('Stäng utan att spara det du skrev?');
    expect(await note.inputValue()).toBe('En kommentar jag inte vill förlora');

    answer = true;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(questions).toHaveLength(2);
    // Opened again without typing, it closes without a question.
    await page.getByRole('button', { name: 'Stäm av' }).first().click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(questions).toHaveLength(2);
  });
});
