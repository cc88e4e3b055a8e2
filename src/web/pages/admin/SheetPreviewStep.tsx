// The wizard's second step: the rows as the import would read them, every problem in its
// row and cell, the cells of rows with problems editable in place, and what would be made.
import { Alert, Anchor, Button, Checkbox, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../core/sheet-values.ts';
import { SHEET_HEADERS, type SheetField } from '../../../core/okr-sheet-columns.ts';
import {
  PREVIEW_PAGE,
  cellValue,
  groupProblems,
  mappedColumns,
  previewRows,
  rowIndexOf,
  rowLevelProblems,
  rowNumberOf,
  type CellEdits,
  type SheetMapping,
} from './sheet-import.ts';
import type { SheetCheck, SheetProblem, SheetRead } from '../../api/types.ts';
import { SheetCountsTable } from './SheetCountsTable.tsx';

/** How many problems the summary names before pointing to the table. */
const SUMMARY_PROBLEMS = 10;

interface Props {
  sheet: SheetRead;
  mapping: SheetMapping;
  edits: CellEdits;
  onEdit: (rowIndex: number, columnIndex: number, value: string) => void;
  check: SheetCheck;
  /** Cells changed since the check the problems come from. */
  changedSinceCheck: number;
  /** The import was refused (422): the problems are its. */
  refused: boolean;
  busy: boolean;
  onCheckAgain: () => void;
  onImport: () => void;
  onChangeColumns: () => void;
}

/** A column's least width: a cell's field stays wide enough to read and type in. */
const COLUMN_WIDTH = 9 * 16;

const PROBLEM_ROW = 'var(--mantine-color-red-light)';

/** The row number stays in sight while the table scrolls sideways (to a cell far to the right). */
const rowNumberStyle = (problem: boolean): CSSProperties => ({
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: problem
    ? `linear-gradient(${PROBLEM_ROW}, ${PROBLEM_ROW}), var(--mantine-color-body)`
    : 'var(--mantine-color-body)',
});

const cellId = (rowIndex: number, columnIndex: number) => `sheet-cell-${rowIndex}-${columnIndex}`;

export function SheetPreviewStep(props: Props) {
  const { sheet, mapping, edits, onEdit, check, changedSinceCheck, refused, busy } = props;
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [limit, setLimit] = useState(2 * PREVIEW_PAGE);
  const summary = useRef<HTMLDivElement>(null);

  const grouped = groupProblems(check.problems, sheet.rows.length);
  const columns = mappedColumns(mapping);
  const shownColumns = new Set(columns.map((column) => column.columnIndex));
  const { shown, total } = previewRows(sheet.rows.length, grouped.rows.keys(), onlyProblems, limit);
  const anyRowLevel = shown.some((row) => {
    const entry = grouped.rows.get(row);
    return entry !== undefined && rowLevelProblems(entry, shownColumns).length > 0;
  });
  const headerOf = (columnIndex: number) => sheet.headers[columnIndex]?.trim() || columnLetter(columnIndex);
  const where = (problem: SheetProblem) => {
    const { message } = problem;
    const column =
      problem.columnIndex !== null ? headerOf(problem.columnIndex) : (problem.column ?? problem.field ?? null);
    return column === null
      ? t('sheet.atRow', { row: problem.row, message })
      : t('sheet.at', { row: problem.row, column, message });
  };

  /** Takes the person to a problem's cell, or to the summary when the problem has none on show. */
  const focusProblem = (problem: SheetProblem | null) => {
    const input =
      problem && problem.columnIndex !== null
        ? document.getElementById(cellId(rowIndexOf(problem.row), problem.columnIndex))
        : null;
    const target = input ?? summary.current;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: input ? 'center' : 'start' });
  };

  // After each check the focus goes to the first cell with a problem, or to the summary
  // (the problems of whole rows or of the sheet, or that there are none).
  const { firstCell } = grouped;
  useEffect(() => {
    focusProblem(firstCell);
    // Once per answer from the server, not on each edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [check]);

  const problemRows = grouped.rows.size;
  const summaryProblems = [
    ...grouped.sheet,
    ...[...grouped.rows.values()].flatMap((entry) => [...entry.row, ...[...entry.cells.values()].flat()]),
  ];
  const importable = check.problems.length === 0 && changedSinceCheck === 0;

  return (
    <Stack gap="sm" component="section" aria-labelledby="sheet-preview-title">
      <Title order={4} size="h5" id="sheet-preview-title">
        {t('sheet.previewTitle')}
      </Title>
      <div ref={summary} tabIndex={-1} data-testid="sheet-summary" style={{ outlineOffset: 2, scrollMarginTop: 80 }}>
        {check.problems.length === 0 ? (
          <Alert color="teal" icon={<IconCheck size={18} aria-hidden />} title={t('sheet.noProblems')}>
            <SheetCountsTable title={t('sheet.wouldCreate')} counts={check.counts} />
          </Alert>
        ) : (
          <Alert
            color="red"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={
              refused
                ? t('sheet.refused')
                : problemRows > 0
                  ? t('sheet.problemRows', { count: problemRows })
                  : t('sheet.sheetProblems', { count: grouped.sheet.length })
            }
          >
            <Stack gap="xs">
              {refused && problemRows > 0 && <Text size="sm">{t('sheet.problemRows', { count: problemRows })}</Text>}
              <Text size="sm">{t('sheet.problemsHelp')}</Text>
              <List size="sm" spacing={4} listStyleType="none" data-testid="sheet-problems">
                {summaryProblems.slice(0, SUMMARY_PROBLEMS).map((problem, i) => (
                  <List.Item key={i}>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      c="inherit"
                      underline="always"
                      ta="left"
                      onClick={() => focusProblem(problem)}
                    >
                      {where(problem)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
              {check.problemCount > SUMMARY_PROBLEMS && (
                <Text size="sm">{t('sheet.moreProblems', { count: check.problemCount - SUMMARY_PROBLEMS })}</Text>
              )}
              {check.problemCount > check.problems.length && (
                <Text size="sm">
                  {t('sheet.firstProblems', { shown: check.problems.length, total: check.problemCount })}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </div>

      <Group justify="space-between" align="center">
        <Checkbox
          label={t('sheet.onlyProblems')}
          checked={onlyProblems}
          disabled={problemRows === 0}
          onChange={(event) => setOnlyProblems(event.currentTarget.checked)}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('sheet.shown', { shown: shown.length, total })}
        </Text>
      </Group>

      <Table.ScrollContainer
        minWidth={4 * 16 + columns.length * COLUMN_WIDTH + (anyRowLevel ? 14 * 16 : 0)}
        maxHeight="70vh"
      >
        <Table
          withTableBorder
          withColumnBorders
          stickyHeader
          verticalSpacing={4}
          data-testid="sheet-preview"
          aria-labelledby="sheet-preview-title"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={4 * 16} style={rowNumberStyle(false)}>
                {t('sheet.row')}
              </Table.Th>
              {anyRowLevel && (
                <Table.Th scope="col" miw={14 * 16}>
                  {t('sheet.problems')}
                </Table.Th>
              )}
              {columns.map(({ columnIndex, fields }) => (
                <Table.Th key={columnIndex} scope="col" miw={COLUMN_WIDTH}>
                  <Text size="sm" fw={600} span>
                    {headerOf(columnIndex)}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {fields.map((field: SheetField) => SHEET_HEADERS[field][language]).join(', ')}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((rowIndex) => {
              const entry = grouped.rows.get(rowIndex);
              const row = rowNumberOf(rowIndex);
              return (
                <Table.Tr key={rowIndex} bg={entry ? PROBLEM_ROW : undefined}>
                  <Table.Th scope="row" fw={500} style={rowNumberStyle(entry !== undefined)}>
                    {row}
                  </Table.Th>
                  {anyRowLevel && (
                    <Table.Td>
                      {entry &&
                        rowLevelProblems(entry, shownColumns).map((problem, i) => (
                          <Text key={i} size="xs" c="red">
                            {where(problem)}
                          </Text>
                        ))}
                    </Table.Td>
                  )}
                  {columns.map(({ columnIndex }) => {
                    const value = cellValue(sheet.rows, edits, rowIndex, columnIndex);
                    if (!entry) return <Table.Td key={columnIndex}>{value}</Table.Td>;
                    const problems = entry.cells.get(columnIndex) ?? [];
                    return (
                      <Table.Td key={columnIndex}>
                        <TextInput
                          id={cellId(rowIndex, columnIndex)}
                          size="xs"
                          aria-label={t('sheet.cell', { row, column: headerOf(columnIndex) })}
                          value={value}
                          onChange={(event) => onEdit(rowIndex, columnIndex, event.currentTarget.value)}
                          error={problems.length > 0 ? problems.map((problem) => problem.message).join(' ') : undefined}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {shown.length < total && (
        <Button variant="subtle" style={{ alignSelf: 'start' }} onClick={() => setLimit((n) => n + 2 * PREVIEW_PAGE)}>
          {t('sheet.showMore')}
        </Button>
      )}

      {changedSinceCheck > 0 && (
        <Text size="sm" role="status">
          {t('sheet.edited', { count: changedSinceCheck })}
        </Text>
      )}
      <Group gap="sm">
        <Button variant={importable ? 'default' : 'light'} loading={busy} onClick={props.onCheckAgain}>
          {t('sheet.checkAgain')}
        </Button>
        <Button variant="subtle" disabled={busy} onClick={props.onChangeColumns}>
          {t('sheet.changeColumns')}
        </Button>
        <Button disabled={!importable || busy} loading={busy && importable} onClick={props.onImport}>
          {t('sheet.importNow')}
        </Button>
      </Group>
    </Stack>
  );
}
