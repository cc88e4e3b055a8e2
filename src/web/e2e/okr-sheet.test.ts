// Spreadsheets out: Sara downloads her team's OKRs from the team's page, as CSV and as
// Excel, and finds in each file the team's objectives, one row per key result, in Swedish;
// the owner downloads the whole organisation's from the home page in English, and finds the
// same download in Administration → Export and import.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { SHEET_HEADERS } from '../../core/okr-sheet-columns.ts';
import { OKR_SHEET_COLUMNS } from '../../app/sheets/okr-sheet-rows.ts';
import { expectNoSeriousViolations, signIn, switchToEnglish } from './harness.ts';
import { browserSuite } from './journey.ts';

const TEAM_OBJECTIVE = 'Göra våra egna event till den bästa platsen att möta Nordljus';
const SARA_OBJECTIVE = 'Öka deltagandet på interna event jämfört med förra året';
const KEY_RESULT = 'Sociala medier genererar 100 anmälningar';

/** Opens the download menu and takes the file of one of its items. */
async function download(page: Page, menuButton: string, item: string | RegExp): Promise<Download> {
  await page.getByRole('button', { name: menuButton }).first().click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return file;
}

const column = (name: (typeof OKR_SHEET_COLUMNS)[number]) => OKR_SHEET_COLUMNS.indexOf(name);

browserSuite('OKR sheet download journey', (journey) => {
  it('Sara downloads her team’s OKRs from the team’s page, as CSV and as Excel', async () => {
    const { page } = journey;
    await signIn(page, 'sara@example.com');
    await page
      .getByRole('navigation', { name: 'Huvudnavigering' })
      .getByRole('link', { name: 'Team och enheter' })
      .click();
    await page
      .getByRole('list', { name: 'Organisationens enheter' })
      .getByRole('link', { name: 'Marknad', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Marknad' }).waitFor();
    await page.getByRole('link', { name: TEAM_OBJECTIVE }).waitFor();

    const csvFile = await download(page, 'Ladda ner', 'CSV');
    expect(csvFile.suggestedFilename()).toMatch(/^[a-z0-9-]+-marknad-[a-z0-9-]+\.csv$/);
    const text = await readFile(await csvFile.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const csv = parse(text.slice(1), { delimiter: ';' }) as string[][];
    expect(csv[0]).toEqual(OKR_SHEET_COLUMNS.map((name) => SHEET_HEADERS[name].sv));
    const rows = csv.slice(1);
    expect(rows.length).toBeGreaterThan(3);
    // The team's own objectives and its people's, each row the team's.
    expect(new Set(rows.map((row) => row[column('unit')]))).toEqual(new Set(['Marknad']));
    const titles = new Set(rows.map((row) => row[column('objectiveTitle')]));
    expect(titles).toContain(TEAM_OBJECTIVE);
    expect(titles).toContain(SARA_OBJECTIVE);
    const saras = rows.find((row) => row[column('keyResultTitle')] === KEY_RESULT);
    expect(saras?.[column('objectiveTitle')]).toBe(SARA_OBJECTIVE);
    expect(saras?.[column('objectiveLevel')]).toBe('Person');
    expect(['I fas', 'I riskzonen', 'Efter plan']).toContain(saras?.[column('status')]);

    // The Excel file with the keyboard alone: Enter opens the menu, the arrows pick the item.
    await page.getByRole('button', { name: 'Ladda ner' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Excel (XLSX)' }).waitFor();
    await expectNoSeriousViolations(page, 'unit page, download menu open');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let step = 0; step < 3 && (await focused()) !== 'Excel (XLSX)'; step++) await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Excel (XLSX)');
    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(xlsxFile.suggestedFilename()).toMatch(/-marknad-[a-z0-9-]+\.xlsx$/);
    const xlsx = await readSheet(await readFile(await xlsxFile.path()));
    expect(xlsx[0]).toEqual(csv[0]);
    expect(xlsx).toHaveLength(csv.length);
    expect(xlsx.map((row) => row[column('keyResultTitle')] ?? '')).toEqual(
      csv.map((row) => row[column('keyResultTitle')]),
    );
  });

  it('the owner downloads the whole organisation’s OKRs of the year and of the quarter from the home page in English, and finds them under Administration', async () => {
    const { page, harness } = journey;
    await signIn(page, 'demo@example.com');
    await switchToEnglish(page);
    await page.getByRole('button', { name: 'Download' }).waitFor();
    const sheet = async (item: RegExp) => {
      const file = await download(page, 'Download', item);
      const text = await readFile(await file.path(), 'utf8');
      return parse(text.slice(1), { delimiter: ',' }) as string[][];
    };
    const levels = (rows: string[][]) => new Set(rows.slice(1).map((row) => row[column('objectiveLevel')]));
    // The home page shows the year's organisation objectives beside the quarter's: both are offered.
    const year = await sheet(/^\d{4}: CSV$/);
    expect(year[0]).toEqual(OKR_SHEET_COLUMNS.map((name) => SHEET_HEADERS[name].en));
    expect(levels(year)).toContain('Organisation');
    const quarter = await sheet(/^Q\d \d{4}: CSV$/);
    expect(levels(quarter)).toEqual(new Set(['Unit', 'Person']));
    expect(quarter.slice(1).map((row) => row[column('objectiveTitle')])).toContain(TEAM_OBJECTIVE);

    await page.goto(`/orgs/${harness.orgId}/admin/data`);
    const section = page.getByRole('region', { name: 'A cycle’s OKRs as a spreadsheet' });
    await section.getByRole('button', { name: 'Download' }).waitFor();
    const xlsxFile = await download(page, 'Download', /^Q\d \d{4}: Excel \(XLSX\)$/);
    const xlsx = await readSheet(await readFile(await xlsxFile.path()));
    expect(xlsx).toHaveLength(quarter.length);
  });
});
