// An admin sets up a new team for a quarter: the unit, the quarter, and the team's own
// objective with three key results that supports an organisation objective — then finds
// it on the team's page and under the organisation objective.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { csrfHeaders, expectNoSeriousViolations, signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

const UNIT = 'Hållbarhet';
const ORG_OBJECTIVE = 'Visa att våra kunder sparar energi på riktigt';
const OBJECTIVE = 'Halvera energin vi själva gör av med på kontoren';
const KEY_RESULTS = [
  {
    title: 'Energimätare på alla kontor',
    metric: 'Öka till',
    start: '0',
    target: '12',
    unit: 'kontor',
    shown: '0 av 12 kontor',
  },
  {
    title: 'Minska elförbrukningen per månad från 40 till 20 MWh',
    metric: 'Minska till',
    start: '40',
    target: '20',
    unit: 'MWh',
    shown: 'Nu 40 MWh · Minska till 20 MWh',
  },
  { title: 'Energirevisionen av huvudkontoret är klar', metric: 'Milstolpe (klar eller inte)', shown: 'Inte klar än' },
];

/** The quarter holding today, as the demo data lays out its cycles. */
function currentQuarter(now = new Date()) {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    year: String(year),
    startsOn: iso(new Date(Date.UTC(year, q * 3, 1))),
    endsOn: iso(new Date(Date.UTC(year, q * 3 + 3, 0))),
  };
}

/** The supported-by line of an organisation objective's card on the home page. */
async function supportedByOnHome(page: Page, orgId: string, cycleId: string): Promise<string> {
  await page.goto(`/orgs/${orgId}?cycle=${cycleId}`);
  const card = page.getByRole('article', { name: ORG_OBJECTIVE });
  await card.waitFor();
  return (await card.getByTestId('supported-by').textContent()) ?? '';
}

async function fillKeyResult(page: Page, row: Locator, kr: (typeof KEY_RESULTS)[number]) {
  await field(row, 'Nyckelresultat').fill(kr.title);
  await pickOption(page, field(row, 'Mätning'), kr.metric);
  if (kr.start !== undefined) await field(row, 'Startvärde').fill(kr.start);
  if (kr.target !== undefined) await field(row, 'Målvärde').fill(kr.target);
  if (kr.unit !== undefined) await field(row, 'Enhet').fill(kr.unit);
}

browserSuite('admin journey', (journey) => {
  it('the owner creates a unit, a quarter and a supporting objective with three key results', async () => {
    const { page, harness } = journey;
    const quarter = currentQuarter();
    const cycleName = `Hållbarhetskvartalet ${quarter.year}`;
    await signIn(page, 'demo@example.com');

    // Administration → Teams and units → a new team beneath Leverans.
    await page
      .getByRole('navigation', { name: 'Huvudnavigering' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('tab', { name: 'Team och enheter' }).click();
    await page.getByRole('button', { name: 'Ny enhet' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'Ny enhet' });
    await field(unitDialog, 'Namn').fill(UNIT);
    await pickOption(page, field(unitDialog, 'Ingår i'), 'Leverans', { type: true });
    await unitDialog.getByRole('button', { name: 'Skapa' }).click();
    await unitDialog.waitFor({ state: 'hidden' });
    await page.getByText(`${UNIT} skapades.`).waitFor();
    await page.getByTestId('unit-row').filter({ hasText: UNIT }).waitFor();

    // Cycles → a quarter within this year.
    await page.getByRole('tab', { name: 'Perioder' }).click();
    await page.getByRole('button', { name: 'Ny period' }).click();
    const cycleDialog = page.getByRole('dialog', { name: 'Ny period' });
    await field(cycleDialog, 'Namn').fill(cycleName);
    await field(cycleDialog, 'Börjar').fill(quarter.startsOn);
    await field(cycleDialog, 'Slutar').fill(quarter.endsOn);
    await pickOption(page, field(cycleDialog, 'Status'), 'Aktiv');
    await pickOption(page, field(cycleDialog, 'Ingår i'), quarter.year);
    await cycleDialog.getByRole('button', { name: 'Skapa' }).click();
    await cycleDialog.waitFor({ state: 'hidden' });
    await page.getByText(`${cycleName} skapades.`).waitFor();

    // The header's cycle switch now offers the quarter; the home page shows the year's
    // organisation objectives in it, with how many objectives support each.
    const cycles = (await (await page.request.get(`/api/v1/orgs/${harness.orgId}/cycles?limit=200`)).json()) as {
      items: { id: string; name: string }[];
    };
    const cycleId = cycles.items.find((c) => c.name === cycleName)?.id;
    expect(cycleId).toBeTruthy();
    const supportedBefore = await supportedByOnHome(page, harness.orgId, cycleId ?? '');

    // The new unit's page → New objective (in the quarter).
    await page
      .getByRole('navigation', { name: 'Huvudnavigering' })
      .getByRole('link', { name: 'Team och enheter' })
      .click();
    // Top-level units start open, so the new team shows beneath Leverans.
    await page.getByRole('button', { name: 'Dölj enheterna under Leverans' }).waitFor();
    await page
      .getByRole('list', { name: 'Organisationens enheter' })
      .getByRole('link', { name: UNIT, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: UNIT }).waitFor();
    await page.getByText('Enheten har inga mål i den här perioden än.').waitFor();
    await page.getByRole('link', { name: 'Nytt mål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt mål' }).waitFor();

    const form = page.getByRole('main');
    // The selects show their names once the cycles and units have loaded.
    await expect.poll(() => field(form, 'Period').inputValue()).toBe(cycleName);
    await expect.poll(() => field(form, 'Team eller enhet').inputValue()).toBe(UNIT);
    await field(form, 'Mål').fill(OBJECTIVE);
    await field(form, 'Beskrivning').fill('Vi ska visa kunderna att vi gör som vi säger.');
    const supports = field(form, 'Stöder');
    await supports.click();
    await supports.pressSequentially('sparar energi');
    await page.getByRole('option', { name: new RegExp(`^${ORG_OBJECTIVE}`) }).click();
    await page.keyboard.press('Escape');

    for (const [i, kr] of KEY_RESULTS.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Lägg till ett nyckelresultat' }).click();
      const row = page.getByRole('group', { name: `Nyckelresultat ${i + 1}` });
      await fillKeyResult(page, row, kr);
    }
    await expect.poll(() => page.getByTestId('key-result-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Skapa mål' }).click();

    // The objective's own page: three key results and the link to what it supports.
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();
    await page.getByText('Målet är skapat').waitFor();
    await expect.poll(() => page.getByTestId('key-result').count()).toBe(3);
    for (const kr of KEY_RESULTS) {
      const figures = page.getByRole('article', { name: kr.title }).getByTestId('key-result-figures');
      await expect.poll(async () => (await figures.textContent())?.replace(/\s+/g, ' ')).toBe(kr.shown);
    }
    await page.getByTestId('supports').getByRole('link', { name: ORG_OBJECTIVE }).waitFor();

    // On the unit's page, in the quarter.
    await page.getByTestId('objective-owner').getByRole('link', { name: UNIT }).click();
    await page.getByRole('heading', { level: 1, name: UNIT }).waitFor();
    await page.getByRole('article', { name: OBJECTIVE }).waitFor();
    await page.getByTestId('supports').getByRole('link', { name: ORG_OBJECTIVE }).waitFor();

    // Under the organisation objective: its "supported by" list, and the home card's count.
    await page.getByTestId('supports').getByRole('link', { name: ORG_OBJECTIVE }).click();
    await page.getByRole('heading', { level: 1, name: ORG_OBJECTIVE }).waitFor();
    await page.getByTestId('supported-by').getByRole('link', { name: OBJECTIVE }).waitFor();

    const supportedAfter = await supportedByOnHome(page, harness.orgId, cycleId ?? '');
    const count = (text: string) => Number(/(\d+)/.exec(text)?.[1] ?? 0);
    expect(count(supportedAfter)).toBe(count(supportedBefore) + 1);
  });

  it('the owner downloads the whole organisation as one export file, in Swedish', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/admin/data`);
    await page.getByRole('tab', { name: 'Export och import', selected: true }).waitFor();
    await page.getByRole('heading', { name: 'Hela organisationen som en fil' }).waitFor();
    await expectNoSeriousViolations(page, 'export tab');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ned exporten' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^riktning-export-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const doc = JSON.parse(await readFile(path, 'utf8')) as {
      format: string;
      organization: { id: string };
      objectives: { title: string }[];
    };
    expect(doc.format).toBe('riktning/1');
    expect(doc.organization.id).toBe(harness.orgId);
    expect(doc.objectives.map((o) => o.title)).toContain(ORG_OBJECTIVE);

    // The file fills a new, empty organisation: checked first, then imported.
    const created = await page.request.post('/api/v1/orgs', {
      headers: await csrfHeaders(page),
      data: { name: 'Flyttlasset', slug: 'flyttlasset' },
    });
    expect(created.status()).toBe(201);
    const copy = ((await created.json()) as { id: string }).id;
    await page.goto(`/orgs/${copy}/admin/data`);
    const section = page.getByRole('region', { name: 'Fyll organisationen från en export' });
    await section.waitFor();
    const chooser = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Exportfil' }).click();
    await (
      await chooser
    ).setFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{inte json') });
    await section.getByRole('button', { name: 'Kontrollera filen' }).click();
    await section.getByText('Filen är ingen export: den är inte JSON.').waitFor();

    const again = page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Exportfil' }).click();
    await (await again).setFiles(path);
    await section.getByRole('button', { name: 'Kontrollera filen' }).click();
    const counts = section.getByTestId('import-counts');
    await counts.getByRole('rowheader', { name: 'Mål' }).waitFor();
    expect(await counts.getByRole('row', { name: /^Mål/ }).textContent()).toContain(String(doc.objectives.length));
    await expectNoSeriousViolations(page, 'import check');
    await section.getByRole('button', { name: 'Importera' }).click();
    await section.getByText('Importerat. Organisationen innehåller nu det som fanns i filen.').waitFor();
    await section.getByRole('link', { name: 'Öppna organisationen' }).click();
    await page.getByText(ORG_OBJECTIVE).first().waitFor();
  });

  it('the owner starts a second organisation from the account menu and switches back', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}`);
    await page.getByRole('button', { name: 'Kontomeny' }).click();
    const menu = page.getByRole('menu');
    const current = menu.getByRole('menuitem', { name: /\(öppen nu\)$/ });
    await current.waitFor();
    const demoName = (await current.textContent())?.trim() ?? '';
    await menu.getByRole('menuitem', { name: 'Ny organisation…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny organisation' });
    await field(dialog, 'Namn').fill('Sidoprojektet Åby');
    await expect.poll(() => field(dialog, 'Kortnamn').inputValue()).toBe('sidoprojektet-aby');
    await expectNoSeriousViolations(page, 'new organisation dialog');
    await dialog.getByRole('button', { name: 'Skapa organisationen' }).click();
    await page.waitForURL(
      (url) => /^\/orgs\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.includes(harness.orgId),
    );
    await page.getByRole('heading', { level: 1, name: 'Sidoprojektet Åby' }).waitFor();

    // A short name already taken is named at its field (the browser logs the 409 answer).
    journey.errors.allow(/status of 409 \(Conflict\)/);
    await page.getByRole('button', { name: 'Kontomeny' }).click();
    await page.getByRole('menuitem', { name: 'Ny organisation…' }).click();
    const again = page.getByRole('dialog', { name: 'Ny organisation' });
    await field(again, 'Namn').fill('Sidoprojektet Åby');
    await again.getByRole('button', { name: 'Skapa organisationen' }).click();
    await again.getByText('Det korta namnet är upptaget').waitFor();
    // Closing with typed text asks first (the browser's own question, accepted here).
    page.once('dialog', (question) => void question.accept());
    await again.getByRole('button', { name: 'Avbryt' }).click();
    await again.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Kontomeny' }).click();
    await page.getByRole('menuitem', { name: demoName }).click();
    await page.waitForURL((url) => url.pathname === `/orgs/${harness.orgId}`);
  });
});
