import { describe, expect, it } from 'vitest';
import {
  PREVIEW_PAGE,
  SHEET_TYPES,
  cellKey,
  cellValue,
  changedCells,
  columnChoices,
  groupProblems,
  mappedColumns,
  previewRows,
  rowLevelProblems,
  sheetContentType,
  unmappedRequired,
  withEdits,
} from './sheet-import.ts';
import type { SheetProblem } from '../../api/types.ts';

const problem = (
  row: number,
  columnIndex: number | null,
  code: SheetProblem['code'] = 'number_invalid',
): SheetProblem => ({
  row,
  column: columnIndex === null ? null : `Kolumn ${columnIndex}`,
  columnIndex,
  field: null,
  code,
  message: `${code} at ${row}`,
});

describe('the content type a chosen file is sent as', () => {
  it('follows the file name, whatever type the browser guessed', () => {
    expect(sheetContentType({ name: 'mål.CSV', type: 'application/vnd.ms-excel' })).toBe(SHEET_TYPES.csv);
    expect(sheetContentType({ name: 'okr.xlsx', type: '' })).toBe(SHEET_TYPES.xlsx);
  });

  it('falls back on the type, and is null for anything else', () => {
    expect(sheetContentType({ name: 'export', type: SHEET_TYPES.xlsx })).toBe(SHEET_TYPES.xlsx);
    expect(sheetContentType({ name: 'okr.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(sheetContentType({ name: 'okr.json', type: 'application/json' })).toBeNull();
  });
});

describe('the columns a field may be mapped to', () => {
  it('are named by header, with the letter where the header is empty or repeated', () => {
    expect(columnChoices(['Team', ' ', 'Mål', 'Mål '])).toEqual([
      { index: 0, header: 'Team', letter: null },
      { index: 1, header: '', letter: 'B' },
      { index: 2, header: 'Mål', letter: 'C' },
      { index: 3, header: 'Mål', letter: 'D' },
    ]);
  });
});

describe('edits laid over the rows', () => {
  const rows = [['Sälj', 'Fler kunder', 'tio'], ['Sälj', 'Fler kunder', '5'], ['Drift']];

  it('replace the edited cells and leave the rows as read', () => {
    const edited = withEdits(rows, { [cellKey(0, 2)]: '10' });
    expect(edited).toEqual([['Sälj', 'Fler kunder', '10'], ['Sälj', 'Fler kunder', '5'], ['Drift']]);
    expect(rows[0]?.[2]).toBe('tio');
    expect(edited[1]).toBe(rows[1]);
  });

  it('pad a short row to the edited column, and skip rows that are not there', () => {
    expect(withEdits(rows, { [cellKey(2, 2)]: '7', [cellKey(9, 0)]: 'x' })[2]).toEqual(['Drift', '', '7']);
  });

  it('count the cells changed since the last check', () => {
    expect(changedCells({ '0:2': '10', '1:1': 'x' }, { '0:2': '10' })).toBe(1);
    expect(changedCells({ '0:2': '11' }, { '0:2': '10', '3:0': 'y' })).toBe(2);
    expect(changedCells({}, {})).toBe(0);
  });

  it('give an edited cell back as edited, and an empty one for a cell past the row', () => {
    const edits = { [cellKey(1, 2)]: '' };
    expect(cellValue(rows, edits, 1, 2)).toBe('');
    expect(cellValue(rows, edits, 0, 2)).toBe('tio');
    expect(cellValue(rows, edits, 2, 5)).toBe('');
  });
});

describe('problems by row and cell', () => {
  it('sorts them into cells, whole rows and the sheet, first in reading order', () => {
    const grouped = groupProblems(
      [problem(5, 3), problem(3, 2), problem(3, null), problem(5, 3, 'target_missing'), problem(1, 0)],
      10,
    );
    expect([...grouped.rows.keys()]).toEqual([1, 3]);
    expect(grouped.rows.get(1)?.row.map((p) => p.code)).toEqual(['number_invalid']);
    expect([...(grouped.rows.get(1)?.cells.keys() ?? [])]).toEqual([2]);
    expect(
      grouped.rows
        .get(3)
        ?.cells.get(3)
        ?.map((p) => p.code),
    ).toEqual(['number_invalid', 'target_missing']);
    expect(grouped.sheet).toEqual([problem(1, 0)]);
    expect(grouped.firstCell).toEqual(problem(3, 2));
  });

  it('finds the first cell with a problem in reading order, past whole rows and the sheet', () => {
    const grouped = groupProblems([problem(4, 1), problem(3, 5), problem(3, null), problem(1, 0)], 10);
    expect(grouped.firstCell).toEqual(problem(3, 5));
    expect(groupProblems([problem(3, null)], 10).firstCell).toBeNull();
  });

  it('counts a problem past the last row as the sheet’s', () => {
    expect(groupProblems([problem(13, 0)], 10).sheet).toHaveLength(1);
  });

  it('gives a row’s problems that no shown cell holds to the row', () => {
    const entry = groupProblems([problem(2, null), problem(2, 1), problem(2, 4)], 1).rows.get(0);
    expect(entry && rowLevelProblems(entry, new Set([1, 2])).map((p) => p.columnIndex)).toEqual([null, 4]);
  });
});

describe('the rows the preview shows', () => {
  it('are the first page and every row with a problem after it, in order', () => {
    const { shown, total } = previewRows(20_000, [15_000, 3, 250], false, 10_000);
    expect(shown.slice(0, PREVIEW_PAGE)).toEqual(Array.from({ length: PREVIEW_PAGE }, (_, i) => i));
    expect(shown.slice(PREVIEW_PAGE)).toEqual([250, 15_000]);
    expect(total).toBe(PREVIEW_PAGE + 2);
  });

  it('are only those with problems when asked, up to the limit', () => {
    expect(previewRows(20_000, [9, 2, 7], true, 2)).toEqual({ shown: [2, 7], total: 3 });
  });

  it('are all of a short sheet', () => {
    expect(previewRows(3, [], false, PREVIEW_PAGE)).toEqual({ shown: [0, 1, 2], total: 3 });
  });
});

describe('the mapping', () => {
  it('lists the mapped columns in the sheet’s order, a column feeding two fields once', () => {
    expect(mappedColumns({ targetValue: 4, unit: 0, keyResultTitle: 2, objectiveTitle: 2 })).toEqual([
      { columnIndex: 0, fields: ['unit'] },
      { columnIndex: 2, fields: ['keyResultTitle', 'objectiveTitle'] },
      { columnIndex: 4, fields: ['targetValue'] },
    ]);
  });

  it('names the required fields without a column', () => {
    expect(unmappedRequired({ unit: 0, objectiveTitle: 1 }, ['unit', 'objectiveTitle', 'keyResultTitle'])).toEqual([
      'keyResultTitle',
    ]);
  });
});
