// The streamed XLSX writer: a workbook read back by read-excel-file (the reader the sheet
// import uses) holds what was written — text, numbers as numbers, dates as dates — and its
// parts follow SpreadsheetML: inline strings only, no formula, a frozen bold header.
import { unzipSync, strFromU8 } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cellText, excelSerial, sheetName, XlsxWriter, xlsxBytes } from './xlsx-writer.ts';

const read = (bytes: Uint8Array) => readSheet(Buffer.from(bytes), { trim: false });

describe('the streamed XLSX writer', () => {
  it('writes a workbook that read-excel-file reads back cell for cell', async () => {
    const bytes = xlsxBytes({ sheetName: 'K2 2026', header: ['Mål', 'Värde', 'Datum', 'Tomt'] }, [
      ['Öka försäljningen', 12.5, { date: '2026-05-15' }, null],
      ['<b>&"citat"</b>', -3, null, ''],
      ['Rad\nbrytning\tflik', 0, { date: '1999-12-31' }, undefined],
    ]);
    const rows = await read(bytes);
    expect(rows).toEqual([
      ['Mål', 'Värde', 'Datum', 'Tomt'],
      ['Öka försäljningen', 12.5, new Date('2026-05-15T00:00:00Z'), null],
      ['<b>&"citat"</b>', -3, null, null],
      ['Rad\nbrytning\tflik', 0, new Date('1999-12-31T00:00:00Z'), null],
    ]);
  });

  it('drops characters XML cannot hold and keeps text that looks like an Excel escape as it is', async () => {
    const rows = await read(
      xlsxBytes({ sheetName: 'S', header: ['A'] }, [['bell\u0007 nul\u0000 ok\uFFFF'], ['_x0041_ stays'], ['🙂 kept']]),
    );
    expect(rows.slice(1)).toEqual([['bell nul ok'], ['_x0041_ stays'], ['🙂 kept']]);
    expect(cellText('a_x00e9_b')).toBe('a_x005F_x00e9_b');
  });

  it('follows SpreadsheetML: inline strings, no formula cells, a bold frozen header with a filter', () => {
    const parts = unzipSync(
      xlsxBytes({ sheetName: 'Bl[a]d:1', header: ['A', 'B'], widths: [30] }, [
        ['=1+1', 2],
        ['x', 3],
      ]),
    );
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(sheet).not.toMatch(/t="s"/);
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c><c r="B2"><v>2</v></c>',
    );
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr">');
    expect(sheet).toContain('<col min="1" max="1" width="30" customWidth="1"/>');
    expect(sheet).toContain('<autoFilter ref="A1:B3"/>');
    const workbook = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
    expect(workbook).toContain('<sheet name="Bl a d 1" sheetId="1" r:id="rId1"/>');
    expect(workbook).toContain("'Bl a d 1'!$A$1:$B$3");
    expect(strFromU8(parts['xl/styles.xml'] as Uint8Array)).toContain('<b/>');
  });

  it('hands its bytes out as it goes, so a long sheet is never held whole', async () => {
    const writer = new XlsxWriter({ sheetName: 'Lång', header: ['Nr', 'Text'], level: 1 });
    const chunks: Uint8Array[] = [...writer.take()];
    let largestTake = 0;
    for (let batch = 0; batch < 50; batch++) {
      writer.addRows(Array.from({ length: 1000 }, (_, i) => [batch * 1000 + i, `rad ${batch * 1000 + i} `.repeat(8)]));
      const taken = writer.take();
      largestTake = Math.max(
        largestTake,
        taken.reduce((n, c) => n + c.length, 0),
      );
      chunks.push(...taken);
    }
    writer.finish();
    chunks.push(...writer.take());
    expect(writer.rows).toBe(50_001);
    const total = chunks.reduce((n, c) => n + c.length, 0);
    // Every batch's bytes left with that batch: none held more than a fraction of the whole.
    expect(largestTake).toBeLessThan(total / 10);
    const rows = await read(Buffer.concat(chunks));
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000]).toEqual([49_999, 'rad 49999 '.repeat(8)]);
  });

  it('names sheets and days as Excel does', () => {
    expect(sheetName("'Q2 2026'")).toBe('Q2 2026');
    expect(sheetName('a'.repeat(40))).toHaveLength(31);
    expect(sheetName('???')).toBe('Sheet1');
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-01-01')).toBe(46023);
  });
});
