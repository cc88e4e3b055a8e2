// An admin brings a Swedish spreadsheet in through Administration → Export och import: the
// columns are mapped (one of them by hand), the preview names the bad row and column, the
// cell is corrected in place and checked again, and the import makes the team, its
// objective and key results, found on the team's page. In English, a workbook with a
// formula is refused with the server's words.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';
import { buildXlsx } from '../../test/xlsx.ts';

const SHOTS = path.resolve('dist/e2e-screenshots/sheet-import');

const UNIT = 'Kundglädje';
const OBJECTIVE = 'Kunderna rekommenderar oss till andra';
const KEY_RESULTS = ['NPS över 40', 'Tio kundcase publicerade', 'Svarstid under en dag'];

/** A Swedish sheet as people write them: `;` between cells, headers of their own. */
function swedishSheet(cycle: string): string {
  const header = [
    'Team',
    'Ingår i',
    'Period',
    'Övergripande mål',
    'Nyckeltal',
    'Ansvarig e-post',
    'Utgångsläge',
    'Mål (värde)',
  ];
  const rows = [
    [UNIT, 'Leverans', cycle, OBJECTIVE, KEY_RESULTS[0], 'sara@example.com', '25', '40'],
    // The bad row: a target value in words.
    [UNIT, 'Leverans', cycle, OBJECTIVE, KEY_RESULTS[1], 'sara@example.com', '0', 'tio'],
    [UNIT, 'Leverans', cycle, OBJECTIVE, KEY_RESULTS[2], 'elin.sandberg@example.com', '3', '1'],
  ];
  return [header, ...rows].map((cells) => cells.join(';')).join('\r\n');
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function chooseFile(
  page: Page,
  section: Locator,
  label: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

/** The name of the current quarter as the demo data names its cycles ("Q4 2026"). */
function currentQuarterName(now = new Date()): string {
  return `Q${Math.floor(now.getUTCMonth() / 3) + 1} ${now.getUTCFullYear()}`;
}

browserSuite('sheet import journey', (journey) => {
  it('an admin imports a Swedish sheet, mapping a column by hand and correcting a bad row in the preview', async () => {
    const { page, harness } = journey;
    const cycle = currentQuarterName();
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/admin/data`);
    const section = page.getByRole('region', { name: 'Importera ett kalkylark' });
    await section.waitFor();
    for (const name of ['Svenska, CSV', 'Svenska, Excel', 'Engelska, CSV', 'Engelska, Excel'])
      await section.getByRole('link', { name }).waitFor();
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Svenska, CSV' }).click(),
    ]);
    const headers = (await readFile(await template.path(), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(headers?.split(';').slice(0, 3)).toEqual(['Enhet', 'Överordnad enhet', 'Period']);
    await shot(page, '1-choose');

    await chooseFile(page, section, 'Kalkylark', {
      name: 'okr-kundgladje.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(swedishSheet(cycle)),
    });
    await section.getByRole('button', { name: 'Läs in filen' }).click();
    await section.getByRole('heading', { name: 'Vilken kolumn innehåller vad?' }).waitFor();
    await section.getByText('okr-kundgladje.csv: 3 rader').waitFor();

    // The server suggests what the headers say ("Mål (värde)" is the target value); the
    // objective's column it cannot guess, and the import waits for it.
    const targetRow = section.getByTestId('sheet-mapping').getByRole('row', { name: /^Målvärde/ });
    expect(await field(targetRow, 'Målvärde').inputValue()).toBe('Mål (värde)');
    await targetRow.getByText('Föreslagen').waitFor();
    const objective = field(section, 'Mål');
    expect(await objective.inputValue()).toBe('Används inte');
    await section.getByText('Välj en kolumn för: Mål.').waitFor();
    expect(await section.getByRole('button', { name: 'Kontrollera raderna' }).isDisabled()).toBe(true);
    await pickOption(page, objective, 'Övergripande mål');
    await pickOption(page, field(section, 'Nyckelresultat'), 'Nyckeltal');
    await pickOption(page, field(section, 'Nyckelresultatets ägare (e-post)'), 'Ansvarig e-post');
    await pickOption(page, field(section, 'Startvärde'), 'Utgångsläge');
    for (const [name, column] of [
      ['Enhet', 'Team'],
      ['Överordnad enhet', 'Ingår i'],
      ['Period', 'Period'],
    ] as const)
      expect(await field(section, name).inputValue()).toBe(column);
    await expectNoSeriousViolations(page, 'sheet import mapping');
    await shot(page, '2-mapping');

    // Leaving mid-way asks first; staying keeps the wizard as it was.
    const question = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    expect(await question).toBe('Lämna sidan utan att spara dina ändringar?');
    await page.getByRole('tab', { name: 'Export och import', selected: true }).waitFor();
    expect(await field(section, 'Mål').inputValue()).toBe('Övergripande mål');

    // The preview names the bad row (the sheet's row 3) and column, and focuses its cell.
    await section.getByRole('button', { name: 'Kontrollera raderna' }).click();
    await section.getByRole('heading', { name: 'Förhandsgranskning' }).waitFor();
    await section.getByText('1 rad har problem').waitFor();
    const problems = section.getByTestId('sheet-problems');
    await expect.poll(async () => (await problems.textContent()) ?? '').toMatch(/^Rad 3, Mål \(värde\): /);
    const cell = section.getByLabel('Rad 3, Mål (värde)');
    await expect.poll(() => cell.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await cell.getAttribute('aria-invalid')).toBe('true');
    await expect(section.getByRole('button', { name: 'Importera' }).isDisabled()).resolves.toBe(true);
    await expectNoSeriousViolations(page, 'sheet import preview with a problem');
    await shot(page, '3-preview-problem');

    // Corrected in place, checked again: no problems, and the import may go.
    await cell.fill('10');
    await section.getByText('1 cell ändrad: kontrollera igen innan du importerar.').waitFor();
    await shot(page, '4-corrected');
    await section.getByRole('button', { name: 'Kontrollera igen' }).click();
    await section.getByText('Inga problem: allt kan importeras.').waitFor();
    const counts = section.getByTestId('sheet-counts');
    expect(await counts.getByRole('row', { name: /^Mål/ }).textContent()).toContain('1');
    expect(await counts.getByRole('row', { name: /^Nyckelresultat/ }).textContent()).toContain('3');
    await shot(page, '5-checked');

    await section.getByRole('button', { name: 'Importera' }).click();
    const done = section.getByTestId('sheet-imported');
    await done.getByText('Importerat.').waitFor();
    await done
      .getByRole('navigation', { name: 'De importerade målen' })
      .getByRole('link', { name: OBJECTIVE })
      .waitFor();
    await expectNoSeriousViolations(page, 'sheet imported');
    await shot(page, '6-imported');

    // The team's page shows the objective, and the objective its three key results.
    await done.getByRole('link', { name: 'Öppna team och enheter' }).click();
    await page
      .getByRole('list', { name: 'Organisationens enheter' })
      .getByRole('link', { name: UNIT, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: UNIT }).waitFor();
    await page.getByRole('article', { name: OBJECTIVE }).getByRole('link', { name: OBJECTIVE }).click();
    await page.getByRole('heading', { level: 1, name: OBJECTIVE }).waitFor();
    for (const title of KEY_RESULTS) await page.getByRole('article', { name: title }).waitFor();
    await shot(page, '7-objective');
  });

  it('in English, a workbook with a formula is refused with the server’s words', async () => {
    const { page, harness } = journey;
    journey.errors.allow(/status of 422/);
    await signIn(page, 'demo@example.com');
    await page.goto(`/orgs/${harness.orgId}/admin/data`);
    await switchToEnglish(page);
    const section = page.getByRole('region', { name: 'Import a spreadsheet' });
    await section.waitFor();
    await chooseFile(page, section, 'Spreadsheet', {
      name: 'okr.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: buildXlsx([
        ['Unit', 'Period', 'Objective', 'Key result', 'Target value'],
        ['Support', 'Q4', 'Happier customers', 'NPS above 40', { formula: '20*2', value: 40 }],
      ]),
    });
    await section.getByRole('button', { name: 'Read the file' }).click();
    const alert = section.getByRole('alert');
    await alert.getByText('The file could not be read').waitFor();
    expect(await alert.textContent()).toMatch(/\bE2\b.*formula/);
    await expectNoSeriousViolations(page, 'sheet with a formula');
    await shot(page, '8-formula');
  });
});
