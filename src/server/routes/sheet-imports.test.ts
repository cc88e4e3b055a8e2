// Spreadsheets in, through the API: reading CSV and XLSX (separators, encodings, limits,
// formulas, macros), checking and importing all or nothing, the saved mapping, the templates
// and who may do it. The XLSX files are made here (test/xlsx.ts), so every byte is visible.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SHEET_FIELDS, SHEET_HEADERS } from '../../core/okr-sheet-columns.ts';
import { queryRows } from '../../db/raw.ts';
import { createCycle, createMember, createOrg, createUnit } from '../../test/factories.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { buildXlsx } from '../../test/xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let counter = 0;
const tag = () => `${Date.now().toString(36)}${++counter}`;

async function setUp() {
  const { app, deps, clock } = await testServer();
  const { org, owner } = await createOrg(deps.db, { name: `Sheetbolaget ${tag()}` });
  // The owner reads English (the factories' accounts do); a second admin reads Swedish.
  const admin = await ApiClient.signIn(app, owner.email);
  const swede = await createMember(deps.db, org.id, 'admin', { locale: 'sv' });
  const svAdmin = await ApiClient.signIn(app, swede.email);
  return { app, deps, clock, org, owner, admin, svAdmin };
}

const upload = (client: ApiClient, orgId: string, body: Buffer | string, type: string) =>
  client.post(`/api/v1/orgs/${orgId}/sheet-imports/read`, body, { headers: { 'content-type': type } });

/** A Swedish sheet as Swedish Excel saves CSV: semicolons, decimal commas, a byte order mark. */
function swedishCsv(t: string): string {
  const lines = [
    'Team;Överordnad enhet;Kvartal;Mål;Ansvarig;E-post;Nyckelresultat;Från;Till;Nuläge',
    `Marknad;Sälj och marknad;K1 2027;Fler deltagare på våra event;Sara Lind;sara-${t}@example.com;300 deltagare;120;300;150`,
    `Marknad;Sälj och marknad;K1 2027;Fler deltagare på våra event;Sara Lind;sara-${t}@example.com;Betyg efter event;4,1;4,5;`,
    `Sälj;Sälj och marknad;K1 2027;Lönsamma affärer;Ali Berg;ali-${t}@example.com;Snittorder;1 200 kr;1 500 kr;`,
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

describe('reading a sheet', () => {
  it('reads a Swedish CSV with semicolons and proposes every column from its Swedish headers', async () => {
    const { admin, org } = await setUp();
    const response = await upload(admin, org.id, swedishCsv(tag()), 'text/csv');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.headers).toEqual([
      'Team',
      'Överordnad enhet',
      'Kvartal',
      'Mål',
      'Ansvarig',
      'E-post',
      'Nyckelresultat',
      'Från',
      'Till',
      'Nuläge',
    ]);
    expect(body.rows).toHaveLength(3);
    expect(body.rows[1]).toEqual(expect.arrayContaining(['Betyg efter event', '4,1', '4,5', '']));
    expect(body.mapping).toEqual({
      unit: 0,
      parentUnit: 1,
      cycle: 2,
      objectiveTitle: 3,
      objectiveOwnerName: 4,
      objectiveOwnerEmail: 5,
      keyResultTitle: 6,
      startValue: 7,
      targetValue: 8,
      currentValue: 9,
    });
    expect(new Set(Object.values(body.mappingSource))).toEqual(new Set(['suggested']));
  });

  it('reads Windows-1252 when the bytes are not UTF-8, and tabs as separators', async () => {
    const { admin, org } = await setUp();
    const text = 'Enhet\tMål\tPeriod\r\nSälj\tNöjda kunder på Åland\tK2 2027\r\n';
    const bytes = Buffer.from([...text].map((c) => c.charCodeAt(0))); // Latin-1 = Windows-1252 for these letters
    const response = await upload(admin, org.id, bytes, 'text/plain');
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual([['Sälj', 'Nöjda kunder på Åland', 'K2 2027']]);
  });

  it('reads an XLSX: text as it is, numbers as written, dates as YYYY-MM-DD', async () => {
    const { admin, org } = await setUp();
    const file = buildXlsx([
      ['Enhet', 'Mål', 'Period', 'Startvärde', 'Målvärde', 'Senaste avstämning'],
      ['Sälj', 'Växa', 'Q1 2027', 0.1, 1234.5, new Date(Date.UTC(2027, 1, 15))],
      [null, null, null, null, null, null],
      ['Drift', 'Stabilt', 'Q1 2027', 99.9, 99.95, null],
    ]);
    const response = await upload(admin, org.id, file, XLSX);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rows).toEqual([
      ['Sälj', 'Växa', 'Q1 2027', '0.1', '1234.5', '2027-02-15'],
      ['', '', '', '', '', ''],
      ['Drift', 'Stabilt', 'Q1 2027', '99.9', '99.95', ''],
    ]);
    expect(body.mapping).toMatchObject({ unit: 0, objectiveTitle: 1, cycle: 2, startValue: 3, targetValue: 4 });
  });

  it('refuses an XLSX cell spelling U+0000 or half a surrogate pair, naming the cell (422)', async () => {
    const { admin, svAdmin, org } = await setUp();
    for (const xml of ['a&#0;b', 'a&#xD800;b', 'a_x0000_b', 'a_xDC00_b']) {
      const file = buildXlsx([
        ['Mål', 'Period'],
        ['Växa', 'Q1 2027'],
        ['Stabilt', { xml }],
      ]);
      const response = await upload(admin, org.id, file, XLSX);
      expect(response.statusCode, xml).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'sheet_cell_unstorable',
        title: expect.stringContaining('Cell B3 '),
      });
    }
    const swedish = await upload(svAdmin, org.id, buildXlsx([['Mål'], [{ xml: '&#0;' }]]), XLSX);
    expect(swedish.json().title).toMatch(/^Cell A2 innehåller ett tecken som inte kan sparas/);
  });

  it('refuses an XLSX with a formula, naming the first cell and its sheet (422)', async () => {
    const { admin, svAdmin, org } = await setUp();
    const rows = Array.from({ length: 6 }, (_, i) => ['Mål', `Rad ${i + 2}`]);
    rows.push(['Mål', { formula: 'SUM(A1:A2)', value: 3 }] as never);
    const response = await upload(admin, org.id, buildXlsx([['Mål', 'Värde'], ...rows] as never), XLSX);
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'sheet_has_formulas' });
    expect(response.json().title).toContain('B8');
    expect(response.json().title).toContain('Blad1');
    // In another sheet of the workbook too, and where the cell's reference is left out.
    const second = buildXlsx([['Mål']], { moreSheets: { Beräkning: [['x', { formula: '1+1' }]] }, noCellRefs: true });
    const again = await upload(svAdmin, org.id, second, XLSX);
    expect(again.statusCode).toBe(422);
    expect(again.json().title).toBe(
      'Cell B1 i bladet ”Beräkning” har en formel; spara arket med bara värden (kopiera och klistra in som värden) och ladda upp det igen',
    );
  });

  it('refuses macros: a VBA project, a macro-enabled workbook, an .xlsm (422)', async () => {
    const { admin, org } = await setUp();
    const rows = [['Mål'], ['Växa']];
    for (const [file, type] of [
      [buildXlsx(rows, { vbaProject: true }), XLSX],
      [buildXlsx(rows, { macroEnabledType: true }), XLSX],
      [buildXlsx(rows), 'application/vnd.ms-excel.sheet.macroEnabled.12'],
    ] as const) {
      const response = await upload(admin, org.id, file, type);
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('sheet_has_macros');
    }
  });

  it('refuses an XLSX whose cells reach past the limits before reading it, and one with a DTD', async () => {
    const { admin, org } = await setUp();
    // One value in column 300: the reader would pad every row to it.
    const wide = buildXlsx([['Mål', ...Array.from({ length: 298 }, () => null), 'långt bort']]);
    expect((await upload(admin, org.id, wide, XLSX)).json()).toMatchObject({
      status: 422,
      code: 'sheet_too_many_columns',
    });
    // One value 22,000 rows down: the reader would make every row above it.
    const long = buildXlsx([['Mål'], ...Array.from({ length: 22_000 }, () => [null]), ['långt ner']]);
    expect((await upload(admin, org.id, long, XLSX)).json()).toMatchObject({
      status: 422,
      code: 'sheet_too_many_rows',
    });
    const dtd = buildXlsx([['Mål'], ['Växa']], { doctype: true });
    expect((await upload(admin, org.id, dtd, XLSX)).json()).toMatchObject({ status: 400, code: 'sheet_not_xlsx' });
  });

  it('refuses a file over 10 MB with 413, naming the limit', async () => {
    const { admin, org } = await setUp();
    const big = Buffer.alloc(11 * 1024 * 1024, 'a');
    const response = await upload(admin, org.id, big, 'text/csv');
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'sheet_too_large',
      title: 'The sheet is too large: a file may be at most 10 MB',
    });
  });

  it('refuses more than 20,000 rows with 422', async () => {
    const { admin, org } = await setUp();
    const csv = ['Mål;Period', ...Array.from({ length: 20_001 }, (_, i) => `Mål ${i};2027`)].join('\n');
    const response = await upload(admin, org.id, csv, 'text/csv');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'sheet_too_many_rows' });
    expect(response.json().title).toContain('20000');
    const exactly = ['Mål;Period', ...Array.from({ length: 20_000 }, (_, i) => `Mål ${i};2027`)].join('\n');
    expect((await upload(admin, org.id, exactly, 'text/csv')).statusCode).toBe(200);
  });

  it('says why it cannot read a file: not a sheet type (415), not text, a broken archive (400)', async () => {
    const { admin, org } = await setUp();
    const pdf = await upload(admin, org.id, '%PDF-1.7', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ code: 'sheet_unsupported_type' });
    expect(pdf.json().title).toContain('application/pdf');
    const binary = await upload(admin, org.id, Buffer.from([0, 1, 2, 3, 0, 255]), 'text/csv');
    expect(binary.json()).toMatchObject({ status: 400, code: 'sheet_not_csv' });
    const broken = await upload(admin, org.id, Buffer.from('PK\u0003\u0004 not really a zip'), XLSX);
    expect(broken.json()).toMatchObject({ status: 400, code: 'sheet_not_xlsx' });
    const empty = await upload(admin, org.id, '\r\n;;\r\n', 'text/csv');
    expect(empty.json()).toMatchObject({ status: 422, code: 'sheet_empty' });
  });
});

/** The sheet's rows as read, with a mapping, for the check and the import. */
async function readBack(admin: ApiClient, orgId: string, csv: string) {
  const response = await upload(admin, orgId, csv, 'text/csv');
  expect(response.statusCode).toBe(200);
  const { headers, rows, mapping } = response.json() as {
    headers: string[];
    rows: string[][];
    mapping: Record<string, number>;
  };
  return { headers, rows, mapping };
}

/** What the organisation holds, and the accounts with this test's addresses (other files make accounts meanwhile). */
async function footprint(deps: Awaited<ReturnType<typeof testServer>>['deps'], orgId: string, t: string) {
  const [row] = await queryRows<Record<string, number>>(
    deps.db,
    sql`select
      (select count(*)::int from units where org_id = ${orgId}) as units,
      (select count(*)::int from unit_members where org_id = ${orgId}) as unit_members,
      (select count(*)::int from memberships where org_id = ${orgId}) as memberships,
      (select count(*)::int from accounts where email like ${`%-${t}@example.com`}) as accounts,
      (select count(*)::int from cycles where org_id = ${orgId}) as cycles,
      (select count(*)::int from objectives where org_id = ${orgId}) as objectives,
      (select count(*)::int from key_results where org_id = ${orgId}) as key_results,
      (select count(*)::int from audit_events where org_id = ${orgId}) as audit_events,
      (select count(*)::int from sheet_mappings where org_id = ${orgId}) as sheet_mappings`,
  );
  return row;
}

describe('checking and importing', () => {
  it('checks a sheet: what it would create, and every problem by row and column, in the reader’s language', async () => {
    const { svAdmin: admin, org, deps } = await setUp();
    const t = tag();
    const csv = [
      'Enhet;Period;Mål;Målets ägare (e-post);Nyckelresultat;Startvärde;Målvärde',
      `Sälj;K1 2027;Växa;kim-${t}@example.com;Intäkter;10;20`,
      'Sälj;Våren;Växa;;Kunder;5;5',
      'Drift;K1 2027;Stabilt;inte-en-adress;Drifttid;99;tio',
      ';K1 2027;;;Utan mål;1;2',
    ].join('\n');
    const sheet = await readBack(admin, org.id, csv);
    const before = await footprint(deps, org.id, t);
    const response = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`, sheet);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.counts).toEqual({ units: 2, people: 1, cycles: 1, objectives: 1, keyResults: 1 });
    expect(body.problemCount).toBe(5);
    expect(body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [3, 'Period', 'cycle_unknown'],
      [3, 'Målvärde', 'target_equals_start'],
      [4, 'Målets ägare (e-post)', 'email_invalid'],
      [4, 'Målvärde', 'number_invalid'],
      [5, 'Mål', 'objective_title_missing'],
    ]);
    expect(body.problems[2]).toEqual({
      row: 4,
      column: 'Målets ägare (e-post)',
      columnIndex: 3,
      field: 'objectiveOwnerEmail',
      code: 'email_invalid',
      params: { value: 'inte-en-adress' },
      message: '”inte-en-adress” är ingen e-postadress',
    });
    expect(await footprint(deps, org.id, t)).toEqual(before);
  });

  it('imports nothing when anything is wrong (422 naming every problem)', async () => {
    const { admin, org, deps } = await setUp();
    const t = tag();
    const csv = [
      'Enhet;Period;Mål;Målets ägare (e-post);Nyckelresultat;Startvärde;Målvärde',
      `Ny enhet;K1 2027;Växa;ny-${t}@example.com;Intäkter;10;20`,
      'Ny enhet;K1 2027;Växa;;Kunder;x;5',
    ].join('\n');
    const sheet = await readBack(admin, org.id, csv);
    const before = await footprint(deps, org.id, t);
    const response = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, sheet);
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'sheet_import_invalid',
      title: 'The sheet cannot be imported: 1 problems, each named by row and column',
      problemCount: 1,
      problems: [
        {
          row: 3,
          column: 'Startvärde',
          columnIndex: 5,
          field: 'startValue',
          code: 'number_invalid',
          message: '“x” is not a number (write e.g. 1 234,5 or 40 %)',
        },
      ],
    });
    expect(await footprint(deps, org.id, t)).toEqual(before);
  });

  it('imports a good sheet: the unit tree, people, cycle, objectives and key results, seen through the API after', async () => {
    const { admin, org, deps } = await setUp();
    const t = tag();
    const existingUnit = await createUnit(deps.db, org.id, { name: 'Sälj och marknad', kind: 'division' });
    const year = await createCycle(deps.db, org.id, { name: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31' });
    const known = await createMember(deps.db, org.id, 'member', { name: 'Ali Berg', email: `ali-${t}@example.com` });
    const elsewhere = await createOrg(deps.db);
    const outsider = await createMember(deps.db, elsewhere.org.id, 'member', {
      name: 'Kim Annan',
      email: `kim-${t}@example.com`,
    });
    const csv = [
      ...swedishCsv(t).replace('\ufeff', '').trim().split('\r\n'),
      `;;2027;Kunderna väljer oss först;;;NKI 75;68;75;`,
      `Marknad;;K1 2027;Lära mig kampanjverktyget;Kim Annan;kim-${t}@example.com;Certifierad;;;`,
    ].join('\n');
    const sheet = await readBack(admin, org.id, csv);
    // The last row is a person's: add a level column the way the wizard would map it.
    sheet.headers.push('Nivå');
    sheet.rows.forEach((row, i) => row.push(i === sheet.rows.length - 1 ? 'Person' : ''));
    sheet.mapping.objectiveLevel = sheet.headers.length - 1;

    const response = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, sheet);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.counts).toEqual({ units: 2, people: 2, cycles: 1, objectives: 4, keyResults: 5 });
    expect(body.objectives.map((o: { title: string }) => o.title)).toEqual([
      'Fler deltagare på våra event',
      'Lönsamma affärer',
      'Kunderna väljer oss först',
      'Lära mig kampanjverktyget',
    ]);

    // The unit tree: the two teams under the unit that was already there.
    const units = (await admin.get(`/api/v1/orgs/${org.id}/units?limit=200`)).json().items as {
      id: string;
      name: string;
      parentId: string | null;
    }[];
    const byName = Object.fromEntries(units.map((u) => [u.name, u]));
    expect(byName['Marknad']?.parentId).toBe(existingUnit.id);
    expect(byName['Sälj']?.parentId).toBe(existingUnit.id);

    // People: Sara new (signs in once invited), Ali matched, Kim brought in from elsewhere.
    const members = (await admin.get(`/api/v1/orgs/${org.id}/members?limit=200`)).json().items as {
      accountId: string;
      email: string;
    }[];
    const emails = members.map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining([`sara-${t}@example.com`, known.email, outsider.email]));

    // The quarter, inside its year.
    const cycles = (await admin.get(`/api/v1/orgs/${org.id}/cycles`)).json().items as {
      id: string;
      name: string;
      parentId: string | null;
      status: string;
    }[];
    const quarter = cycles.find((c) => c.name === 'K1 2027');
    expect(quarter).toMatchObject({ parentId: year.id, status: 'planning' });

    // Objectives and key results as the objectives API shows them.
    const listed = (await admin.get(`/api/v1/orgs/${org.id}/objectives?cycleId=${quarter?.id}&limit=50`)).json()
      .items as {
      title: string;
      level: string;
      ownerName: string;
      personId: string | null;
      keyResults: {
        title: string;
        metric: string;
        start: number;
        target: number;
        current: number;
        unit: string;
        ownerId: string | null;
      }[];
    }[];
    const events = listed.find((o) => o.title === 'Fler deltagare på våra event');
    expect(events).toMatchObject({ level: 'unit', ownerName: 'Marknad' });
    expect(events?.keyResults.map((k) => [k.title, k.metric, k.start, k.target, k.current])).toEqual([
      ['300 deltagare', 'increase_to', 120, 300, 150],
      ['Betyg efter event', 'increase_to', 4.1, 4.5, 4.1],
    ]);
    const sales = listed.find((o) => o.title === 'Lönsamma affärer');
    expect(sales?.keyResults[0]).toMatchObject({ start: 1200, target: 1500, unit: 'kr', ownerId: known.id });
    const own = listed.find((o) => o.title === 'Lära mig kampanjverktyget');
    expect(own).toMatchObject({ level: 'person', personId: outsider.id });
    expect(own?.keyResults[0]).toMatchObject({ metric: 'milestone', target: 1 });
    const yearly = (await admin.get(`/api/v1/orgs/${org.id}/objectives?cycleId=${year.id}&level=organization`)).json()
      .items;
    expect(yearly.map((o: { title: string }) => o.title)).toEqual(['Kunderna väljer oss först']);

    // One audit event, and the mapping saved.
    const [audit] = await queryRows<{ count: number }>(
      deps.db,
      sql`select count(*)::int as count from audit_events where org_id = ${org.id} and action = 'org.sheet_import'`,
    );
    expect(audit?.count).toBe(1);
  });

  it('offers the saved mapping for the next sheet with the same headers', async () => {
    const { admin, org } = await setUp();
    const t = tag();
    // "Ansvarig" is suggested as the objective's owner; this organisation means the key result's.
    const csv = [
      'Mål;Period;Ansvarig;Nyckelresultat;Målvärde;Anteckning',
      `Växa;2027;ali-${t}@example.com;Intäkter;20;hej`,
    ].join('\n');
    const first = await readBack(admin, org.id, csv);
    expect(first.mapping).toMatchObject({ objectiveOwnerName: 2 });
    const mapping = { objectiveTitle: 0, cycle: 1, keyResultOwnerName: 2, keyResultTitle: 3, targetValue: 4 };
    const imported = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, { ...first, mapping });
    expect(imported.statusCode).toBe(201);

    const next = await upload(
      admin,
      org.id,
      ['Nyckelresultat;Ansvarig;Mål;Period;Anteckning', 'x;y;z;2027;'].join('\n'),
      'text/csv',
    );
    expect(next.json().mapping).toEqual({ keyResultTitle: 0, keyResultOwnerName: 1, objectiveTitle: 2, cycle: 3 });
    expect(next.json().mappingSource).toEqual({
      keyResultTitle: 'saved',
      keyResultOwnerName: 'saved',
      objectiveTitle: 'saved',
      cycle: 'saved',
    });
    // Another organisation has its own suggestions.
    const other = await setUp();
    const theirs = await upload(other.admin, other.org.id, ['Ansvarig;Mål'].join('\n'), 'text/csv');
    expect(theirs.json().mapping).toEqual({ objectiveOwnerName: 0, objectiveTitle: 1 });
  });

  it('adds to what is there on a second import of the same sheet, and creates nothing twice', async () => {
    const { admin, org, deps } = await setUp();
    const t = tag();
    const sheet = await readBack(admin, org.id, swedishCsv(t));
    expect((await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, sheet)).statusCode).toBe(201);
    const after = await footprint(deps, org.id, t);
    const again = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`, sheet);
    expect(again.json()).toMatchObject({
      counts: { units: 0, people: 0, cycles: 0, objectives: 0, keyResults: 0 },
      problems: [],
    });
    expect(await footprint(deps, org.id, t)).toEqual(after);
  });
});

describe('the sheet download, read back', () => {
  it.each(['csv', 'xlsx'])(
    'maps every column of a downloaded %s by itself and imports it again as nothing new',
    async (format) => {
      const { admin, org, deps } = await setUp();
      const t = tag();
      const csv = [
        'Enhet;Överordnad enhet;Period;Nivå;Mål;Målets ägare (e-post);Nyckelresultat;Startvärde;Målvärde;Nuvarande värde',
        'Marknad;Sälj;K2 2026;Enhet;Fler event;;300 deltagare;120;300;150',
        `Marknad;;K2 2026;Person;Lära mig verktyget;nora-${t}@example.com;Certifierad;;;`,
      ].join('\n');
      expect(
        (await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, await readBack(admin, org.id, csv))).statusCode,
      ).toBe(201);
      const cycles = (await admin.get(`/api/v1/orgs/${org.id}/cycles`)).json().items as { id: string; name: string }[];
      const cycleId = cycles.find((c) => c.name === 'K2 2026')?.id;
      const download = await admin.get(`/api/v1/orgs/${org.id}/okr-sheet?cycleId=${cycleId}&format=${format}&lang=sv`);
      expect(download.statusCode).toBe(200);
      const read = await upload(admin, org.id, download.rawPayload, String(download.headers['content-type']));
      const { headers, rows, mapping } = read.json() as {
        headers: string[];
        rows: string[][];
        mapping: Record<string, number>;
      };
      expect(Object.keys(mapping).sort()).toEqual([...SHEET_FIELDS].sort());
      const before = await footprint(deps, org.id, t);
      const again = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports`, { headers, rows, mapping });
      expect(again.json()).toMatchObject({ counts: { units: 0, people: 0, cycles: 0, objectives: 0, keyResults: 0 } });
      const after = await footprint(deps, org.id, t);
      expect({ ...after, audit_events: 0, sheet_mappings: 0 }).toEqual({
        ...before,
        audit_events: 0,
        sheet_mappings: 0,
      });
    },
  );
});

describe('who may', () => {
  it('is for the organisation’s admins: a member is refused (403), another organisation’s admin finds nothing (404)', async () => {
    const { app, deps, org } = await setUp();
    const member = await createMember(deps.db, org.id, 'member');
    const memberClient = await ApiClient.signIn(app, member.email);
    const other = await createOrg(deps.db);
    const foreign = await ApiClient.signIn(app, other.owner.email);
    const csv = 'Mål;Period\nVäxa;2027\n';
    const body = { headers: ['Mål', 'Period'], rows: [['Växa', '2027']], mapping: { objectiveTitle: 0, cycle: 1 } };
    expect((await upload(memberClient, org.id, csv, 'text/csv')).statusCode).toBe(403);
    expect((await upload(foreign, org.id, csv, 'text/csv')).statusCode).toBe(404);
    expect((await memberClient.post(`/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`, body)).statusCode).toBe(403);
    expect((await foreign.post(`/api/v1/orgs/${org.id}/sheet-imports`, body)).statusCode).toBe(404);
    expect((await ApiClient.anonymous(app).post(`/api/v1/orgs/${org.id}/sheet-imports`, body)).statusCode).toBe(401);
  });
});

describe('templates', () => {
  it.each(['sv', 'en'] as const)(
    'the %s CSV template reads back with every column proposed, and checks without a problem',
    async (language) => {
      // The test clock says 15 May 2026: the examples are for 2026 and its second quarter.
      const { app, admin, org } = await setUp();
      const response = await app.inject({ method: 'GET', url: `/api/v1/sheet-templates/${language}.csv` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toContain('attachment');
      expect(response.body.startsWith('\ufeff')).toBe(true);
      const firstLine = response.body.slice(1).split('\r\n')[0] ?? '';
      expect(firstLine.split(language === 'sv' ? ';' : ',')[0]).toBe(SHEET_HEADERS.unit[language]);
      const sheet = await readBack(admin, org.id, response.body);
      expect(Object.keys(sheet.mapping).sort()).toEqual([...SHEET_FIELDS].sort());
      const check = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`, sheet);
      expect(check.json()).toMatchObject({
        problems: [],
        counts: { units: 2, people: 1, cycles: 2, objectives: 3, keyResults: 5 },
      });
      expect(sheet.rows.some((row) => row.includes(language === 'sv' ? 'K2 2026' : 'Q2 2026'))).toBe(true);
    },
  );

  it.each(['sv', 'en'] as const)(
    'the %s Excel template reads back the same, its values as numbers',
    async (language) => {
      const { app, admin, org } = await setUp();
      const response = await app.inject({ method: 'GET', url: `/api/v1/sheet-templates/${language}.xlsx` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toContain('.xlsx');
      const read = await upload(admin, org.id, response.rawPayload, XLSX);
      expect(read.statusCode).toBe(200);
      const { headers, rows, mapping } = read.json() as {
        headers: string[];
        rows: string[][];
        mapping: Record<string, number>;
      };
      expect(headers[0]).toBe(SHEET_HEADERS.unit[language]);
      expect(Object.keys(mapping).sort()).toEqual([...SHEET_FIELDS].sort());
      // "4,1" in the Swedish CSV is the number 4.1 in the workbook.
      expect(rows.some((row) => row[mapping.startValue as number] === '4.1')).toBe(true);
      const check = await admin.post(`/api/v1/orgs/${org.id}/sheet-imports?dryRun=true`, { headers, rows, mapping });
      expect(check.json()).toMatchObject({
        problems: [],
        counts: { units: 2, people: 1, cycles: 2, objectives: 3, keyResults: 5 },
      });
    },
  );
});
