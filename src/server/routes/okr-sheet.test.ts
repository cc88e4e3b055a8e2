// Spreadsheets out: a cycle's OKRs as CSV and XLSX — the columns and rows of a small
// organisation, only what the reader may read, one unit's, in Swedish and English, formulas
// defused, the XLSX holding what the CSV holds, the same file whatever the batch size, read
// back by the sheet import without a problem; and the refusals.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { SHEET_HEADERS } from '../../core/okr-sheet-columns.ts';
import { OKR_SHEET_COLUMNS } from '../../app/sheets/okr-sheet-rows.ts';
import { prepareOkrSheet, writeOkrSheet, type OkrSheetFormat } from '../../app/sheets/okr-sheet.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import {
  addToUnit,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createUnit,
} from '../../test/factories.ts';

type Column = (typeof OKR_SHEET_COLUMNS)[number];
type SheetRow = Record<Column, string>;

const at = (minute: number) => new Date(Date.UTC(2026, 3, 2, 8, minute));

/** An organisation with one of each kind of row, and another organisation beside it. */
async function sheetOrganisation() {
  const { app, deps } = await testServer();
  const tag = randomUUID().slice(0, 8);
  const { org, owner } = await createOrg(deps.db, { name: 'Arkbolaget', slug: `ark-${tag}` });
  const person = (name: string, locale: 'sv' | 'en' = 'en') =>
    createMember(deps.db, org.id, 'member', {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}-${tag}@example.com`,
      locale,
    });
  const sara = await person('Sara Lind');
  const erik = await person('Erik Holm', 'sv');
  const olle = await person('Olle Berg');
  const division = await createUnit(deps.db, org.id, { name: 'Sälj och marknad', kind: 'division' });
  const marknad = await createUnit(deps.db, org.id, { name: 'Marknad', parentId: division.id });
  const salj = await createUnit(deps.db, org.id, { name: 'Sälj', parentId: division.id });
  await addToUnit(deps.db, org.id, marknad.id, sara.id, 'lead');
  await addToUnit(deps.db, org.id, marknad.id, erik.id, 'member');
  await addToUnit(deps.db, org.id, salj.id, olle.id, 'member');
  const cycle = await createCycle(deps.db, org.id, { name: 'K2 2026', startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const later = await createCycle(deps.db, org.id, { name: 'K3 2026', startsOn: '2026-07-01', endsOn: '2026-09-30' });

  const top = await createObjective(deps.db, org.id, cycle.id, undefined, {
    title: 'Kunderna väljer oss först',
    createdAt: at(1),
  });
  await createKeyResult(deps.db, org.id, top.id, {
    title: 'NKI från 68 till 75',
    ownerId: owner.id,
    startValue: 68,
    targetValue: 75,
    currentValue: 72.5,
    confidence: 8,
    lastCheckInAt: new Date('2026-05-10T12:00:00Z'),
  });
  const events = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: marknad.id },
    { title: 'Fler deltagare på våra event', description: 'Vi stöder "Kunderna väljer oss först"', createdAt: at(2) },
  );
  await createKeyResult(deps.db, org.id, events.id, {
    title: '300 deltagare',
    ownerId: sara.id,
    startValue: 120,
    targetValue: 300,
    currentValue: 150,
    unit: 'deltagare',
    confidence: 5,
    finalScore: 0.6,
    position: 0,
  });
  await createKeyResult(deps.db, org.id, events.id, {
    title: 'Eventguide publicerad',
    metric: 'milestone',
    startValue: 0,
    targetValue: 1,
    position: 1,
  });
  await createKeyResult(deps.db, org.id, events.id, { title: 'Arkiverat KR', position: 2, archivedAt: new Date() });
  const formula = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: marknad.id },
    { title: '=HYPERLINK("http://evil.example","klicka")', createdAt: at(3) },
  );
  await createKeyResult(deps.db, org.id, formula.id, {
    title: '-5 % kostnad',
    metric: 'decrease_to',
    startValue: 100,
    targetValue: 95,
    currentValue: 100,
    unit: '@kr',
  });
  await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'person', personId: erik.id },
    { title: 'Lär mig mäta event', status: 'at_risk', createdAt: at(4) },
  );
  const secret = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'person', personId: sara.id },
    { title: 'Hemligt mål', visibility: 'private', createdAt: at(5) },
  );
  await createKeyResult(deps.db, org.id, secret.id, { title: 'Hemligt KR' });
  const sales = await createObjective(
    deps.db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: salj.id },
    { title: 'Sälja mer', createdAt: at(6) },
  );
  await createKeyResult(deps.db, org.id, sales.id, { title: '50 nya kunder', targetValue: 50, finalScore: 0.3 });
  await createObjective(deps.db, org.id, cycle.id, undefined, { title: 'Arkiverat mål', archivedAt: new Date() });
  await createObjective(deps.db, org.id, later.id, undefined, { title: 'Nästa kvartal' });

  const other = await createOrg(deps.db, { name: 'Grannen' });
  const otherCycle = await createCycle(deps.db, other.org.id);
  const otherUnit = await createUnit(deps.db, other.org.id, { name: 'Grannteamet' });
  await createObjective(deps.db, other.org.id, otherCycle.id, undefined, { title: 'Grannens mål' });

  const signIn = (email: string) => ApiClient.signIn(app, email);
  return {
    app,
    deps,
    org,
    owner,
    sara,
    erik,
    marknad,
    cycle,
    other,
    otherCycle,
    otherUnit,
    admin: await signIn(owner.email),
    signIn,
  };
}
type World = Awaited<ReturnType<typeof sheetOrganisation>>;

const url = (w: World, query: Record<string, string> = {}) =>
  `/api/v1/orgs/${w.org.id}/okr-sheet?${new URLSearchParams({ cycleId: w.cycle.id, ...query })}`;

/** A CSV answer as rows of cells, after checking its byte order mark. */
function csvRows(body: Buffer, delimiter: ',' | ';'): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(body.subarray(3).toString('utf8'), { delimiter, relax_column_count: false }) as string[][];
}

/** Rows below the header, by column. */
const byColumn = (rows: string[][]): SheetRow[] =>
  rows
    .slice(1)
    .map((row) => Object.fromEntries(OKR_SHEET_COLUMNS.map((column, i) => [column, row[i] ?? ''])) as SheetRow);

const empty = Object.fromEntries(OKR_SHEET_COLUMNS.map((c) => [c, ''])) as SheetRow;

describe('the OKR sheet download', () => {
  it('writes the cycle’s OKRs, one row per key result, with the import’s headers and the figures after them', async () => {
    const w = await sheetOrganisation();
    const response = await w.admin.get(url(w, { lang: 'en' }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${w.org.slug}-k2-2026.csv"`);
    expect(response.headers['cache-control']).toBe('no-store');
    const rows = csvRows(response.rawPayload, ',');
    expect(rows[0]).toEqual(OKR_SHEET_COLUMNS.map((column) => SHEET_HEADERS[column].en));
    const sheet = byColumn(rows);
    expect(sheet.map((row) => [row.objectiveTitle, row.keyResultTitle])).toEqual([
      ['Kunderna väljer oss först', 'NKI från 68 till 75'],
      ['Fler deltagare på våra event', '300 deltagare'],
      ['Fler deltagare på våra event', 'Eventguide publicerad'],
      [`'=HYPERLINK("http://evil.example","klicka")`, `'-5 % kostnad`],
      ['Lär mig mäta event', ''],
      ['Hemligt mål', 'Hemligt KR'],
      ['Sälja mer', '50 nya kunder'],
    ]);
    expect(sheet[0]).toEqual({
      ...empty,
      cycle: 'K2 2026',
      objectiveTitle: 'Kunderna väljer oss först',
      keyResultTitle: 'NKI från 68 till 75',
      keyResultOwnerName: w.owner.name,
      keyResultOwnerEmail: w.owner.email,
      startValue: '68',
      targetValue: '75',
      currentValue: '72.5',
      objectiveLevel: 'Organisation',
      keyResultMetric: 'Increase to',
      progress: '64',
      status: 'On track',
      confidence: '8',
      lastCheckIn: '2026-05-10',
    });
    expect(sheet[1]).toEqual({
      ...empty,
      unit: 'Marknad',
      parentUnit: 'Sälj och marknad',
      cycle: 'K2 2026',
      objectiveTitle: 'Fler deltagare på våra event',
      objectiveDescription: 'Vi stöder "Kunderna väljer oss först"',
      keyResultTitle: '300 deltagare',
      keyResultOwnerName: 'Sara Lind',
      keyResultOwnerEmail: w.sara.email,
      startValue: '120',
      targetValue: '300',
      currentValue: '150',
      unitOfMeasure: 'deltagare',
      objectiveLevel: 'Unit',
      keyResultMetric: 'Increase to',
      // 30 of 180 is 17 %, half-way through the quarter: at risk (and so says a confidence of 5).
      progress: '17',
      status: 'At risk',
      confidence: '5',
      score: '0.6',
    });
    expect(sheet[2]).toMatchObject({
      keyResultMetric: 'Milestone',
      startValue: '0',
      targetValue: '1',
      status: 'Off track',
    });
    // An objective without key results: one row, its key-result cells empty, its own status.
    expect(sheet[4]).toEqual({
      ...empty,
      unit: 'Marknad',
      parentUnit: 'Sälj och marknad',
      cycle: 'K2 2026',
      objectiveTitle: 'Lär mig mäta event',
      objectiveOwnerName: 'Erik Holm',
      objectiveOwnerEmail: w.erik.email,
      objectiveLevel: 'Person',
      progress: '0',
      status: 'At risk',
    });
    expect(sheet[6]).toMatchObject({ unit: 'Sälj', score: '0.3', keyResultOwnerName: '' });
  });

  it('is in the reader’s language: lang, else the account’s, else the browser’s', async () => {
    const w = await sheetOrganisation();
    const swedish = await w.admin.get(url(w, { lang: 'sv' }));
    const rows = csvRows(swedish.rawPayload, ';');
    expect(rows[0]).toEqual(OKR_SHEET_COLUMNS.map((column) => SHEET_HEADERS[column].sv));
    const sheet = byColumn(rows);
    expect(sheet[0]).toMatchObject({
      currentValue: '72,5',
      objectiveLevel: 'Organisation',
      keyResultMetric: 'Öka till',
      status: 'I fas',
    });
    expect(sheet[1]).toMatchObject({ objectiveLevel: 'Enhet', status: 'I riskzonen', score: '0,6' });
    expect(sheet[2]).toMatchObject({ keyResultMetric: 'Milstolpe', status: 'Efter plan' });
    expect(sheet[3]).toMatchObject({ keyResultMetric: 'Minska till' });

    // The owner's account is English; the browser's language does not override it.
    const byAccount = await w.admin.get(url(w), { headers: { 'accept-language': 'sv-SE' } });
    expect(byAccount.rawPayload.toString('utf8')).toContain('Objective,');
    // Erik's account is Swedish.
    const erik = await w.signIn(w.erik.email);
    expect((await erik.get(url(w))).rawPayload.toString('utf8')).toContain('Mål;');
    expect((await erik.get(url(w, { lang: 'en' }))).rawPayload.toString('utf8')).toContain('Objective,');
    // Without an account's language (a token's caller has one too), Accept-Language decides: see locale.ts.
  });

  it('holds only what the reader may read: a private objective is its owner’s and the admins’', async () => {
    const w = await sheetOrganisation();
    const titles = async (client: ApiClient, query: Record<string, string> = {}) =>
      byColumn(csvRows((await client.get(url(w, { lang: 'en', ...query }))).rawPayload, ',')).map(
        (row) => row.objectiveTitle,
      );
    const erik = await w.signIn(w.erik.email);
    const sara = await w.signIn(w.sara.email);
    expect(await titles(w.admin)).toContain('Hemligt mål');
    expect(await titles(sara)).toContain('Hemligt mål');
    expect(await titles(erik)).not.toContain('Hemligt mål');
    expect(await titles(erik)).toHaveLength(6);
    // A viewer may download too.
    const viewer = await createMember(w.deps.db, w.org.id, 'viewer');
    expect(await titles(await w.signIn(viewer.email))).not.toContain('Hemligt mål');
  });

  it('of one unit: its own objectives and its people’s, not the organisation’s nor another unit’s', async () => {
    const w = await sheetOrganisation();
    const erik = await w.signIn(w.erik.email);
    const response = await erik.get(url(w, { unitId: w.marknad.id, lang: 'en' }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${w.org.slug}-marknad-k2-2026.csv"`);
    const sheet = byColumn(csvRows(response.rawPayload, ','));
    expect(sheet.map((row) => [row.unit, row.objectiveTitle, row.keyResultTitle])).toEqual([
      ['Marknad', 'Fler deltagare på våra event', '300 deltagare'],
      ['Marknad', 'Fler deltagare på våra event', 'Eventguide publicerad'],
      ['Marknad', `'=HYPERLINK("http://evil.example","klicka")`, `'-5 % kostnad`],
      ['Marknad', 'Lär mig mäta event', ''],
    ]);
    const sara = await w.signIn(w.sara.email);
    const hers = byColumn(csvRows((await sara.get(url(w, { unitId: w.marknad.id }))).rawPayload, ','));
    expect(hers.map((row) => row.objectiveTitle)).toContain('Hemligt mål');
  });

  it('defuses formulas the same in both formats, and the XLSX holds what the CSV holds', async () => {
    const w = await sheetOrganisation();
    const csv = csvRows((await w.admin.get(url(w, { lang: 'en' }))).rawPayload, ',');
    const response = await w.admin.get(url(w, { lang: 'en', format: 'xlsx' }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${w.org.slug}-k2-2026.xlsx"`);
    const xlsx = await readSheet(response.rawPayload, { trim: false });
    // Numbers are numbers, the last check-in a date; as text they are the CSV's cells.
    expect(typeof xlsx[1]?.[OKR_SHEET_COLUMNS.indexOf('currentValue')]).toBe('number');
    expect(xlsx[1]?.[OKR_SHEET_COLUMNS.indexOf('lastCheckIn')]).toEqual(new Date('2026-05-10T00:00:00Z'));
    const asText = xlsx.map((row) =>
      OKR_SHEET_COLUMNS.map((_, i) => {
        const cell = row[i];
        if (cell === null || cell === undefined) return '';
        return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
      }),
    );
    expect(asText).toEqual(csv);
    const titles = byColumn(asText).map((row) => row.objectiveTitle);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","klicka")`);
    expect(byColumn(asText).find((row) => row.unitOfMeasure.includes('kr'))?.unitOfMeasure).toBe(`'@kr`);
  });

  it('is the same file whatever the batch size the rows are read in', async () => {
    const w = await sheetOrganisation();
    const target = await prepareOkrSheet(w.deps, { accountId: w.owner.id }, w.org.id, { cycleId: w.cycle.id });
    const written = async (format: OkrSheetFormat, batchSize: number) => {
      const chunks: Buffer[] = [];
      let writes = 0;
      const { rows } = await writeOkrSheet(w.deps, target, { format, locale: 'sv', batchSize }, async (chunk) => {
        writes++;
        chunks.push(Buffer.from(chunk));
      });
      return { bytes: Buffer.concat(chunks), rows, writes };
    };
    const one = await written('csv', 1);
    const all = await written('csv', 2000);
    expect(one.rows).toBe(7);
    expect(one.bytes.equals(all.bytes)).toBe(true);
    // A write per batch: the header, then each of the seven rows on its own.
    expect(one.writes).toBe(1 + 7);
    expect(all.writes).toBe(1 + 1);
    const xlsxOne = await written('xlsx', 1);
    const xlsxAll = await written('xlsx', 2000);
    expect(await readSheet(xlsxOne.bytes)).toEqual(await readSheet(xlsxAll.bytes));
  });

  it('reads back into the sheet import with every column found and no problem', async () => {
    const w = await sheetOrganisation();
    for (const [format, type] of [
      ['csv', 'text/csv'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      for (const lang of ['sv', 'en']) {
        const file = (await w.admin.get(url(w, { lang, format }))).rawPayload;
        // Into a new organisation of the same owner, as a person moving their OKRs would.
        const fresh = await w.admin.post('/api/v1/orgs', {
          name: 'Nystart',
          slug: `nystart-${randomUUID().slice(0, 8)}`,
        });
        const target = fresh.json<{ id: string }>().id;
        const read = await w.admin.request('POST', `/api/v1/orgs/${target}/sheet-imports/read`, {
          body: file as unknown as string,
          headers: { 'content-type': type },
        });
        expect(read.statusCode, read.body).toBe(200);
        const sheet = read.json<{ headers: string[]; rows: string[][]; mapping: Record<string, number> }>();
        for (const field of OKR_SHEET_COLUMNS.slice(0, 16))
          expect(sheet.mapping[field], `${format} ${lang} ${field}`).toBe(OKR_SHEET_COLUMNS.indexOf(field));
        const check = await w.admin.post(`/api/v1/orgs/${target}/sheet-imports?dryRun=true`, {
          headers: sheet.headers,
          rows: sheet.rows,
          mapping: sheet.mapping,
        });
        expect(check.statusCode, check.body).toBe(200);
        const result = check.json<{ problemCount: number; counts: Record<string, number> }>();
        expect(result.problemCount, `${format} ${lang}: ${check.body.slice(0, 600)}`).toBe(0);
        expect(result.counts).toMatchObject({ objectives: 6, keyResults: 6, units: 3, cycles: 1 });
      }
    }
  });

  it('answers an unknown or foreign cycle or unit with 404, and a format or language it does not write with 400', async () => {
    const w = await sheetOrganisation();
    const status = async (query: Record<string, string>, orgId = w.org.id) =>
      (await w.admin.get(`/api/v1/orgs/${orgId}/okr-sheet?${new URLSearchParams(query)}`)).statusCode;
    expect(await status({ cycleId: randomUUID() })).toBe(404);
    expect(await status({ cycleId: w.otherCycle.id })).toBe(404);
    expect(await status({ cycleId: w.cycle.id, unitId: randomUUID() })).toBe(404);
    expect(await status({ cycleId: w.cycle.id, unitId: w.otherUnit.id })).toBe(404);
    // Another organisation's sheet, even of its own cycle: not a member, so not found.
    expect(await status({ cycleId: w.otherCycle.id }, w.other.org.id)).toBe(404);
    const notFound = await w.admin.get(url(w, { cycleId: w.otherCycle.id }));
    expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await status({ cycleId: w.cycle.id, format: 'pdf' })).toBe(400);
    expect(await status({ cycleId: w.cycle.id, lang: 'de' })).toBe(400);
    expect(await status({})).toBe(400);
    expect(await status({ cycleId: 'K2' })).toBe(400);
    const anonymous = await ApiClient.anonymous(w.app).get(url(w));
    expect(anonymous.statusCode).toBe(401);
  });
});
