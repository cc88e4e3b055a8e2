// The sheet import (docs/sheet-import.md): a file read into rows with proposed columns, the
// rows checked or imported, and the templates.
import { Type, type Static } from 'typebox';
import { SHEET_LIMITS } from '../../core/limits.ts';
import { SHEET_FIELDS } from '../../core/okr-sheet-columns.ts';
import { SHEET_PROBLEM_MESSAGES, type SheetProblemCode } from '../../core/sheet-problems.ts';

const strict = { additionalProperties: false };

const FieldEnum = Type.Enum([...SHEET_FIELDS]);
const PROBLEM_CODES = Object.keys(SHEET_PROBLEM_MESSAGES) as SheetProblemCode[];
const Cell = Type.String({ maxLength: SHEET_LIMITS.cellLength });
const ColumnIndex = Type.Integer({ minimum: 0, maximum: SHEET_LIMITS.columns - 1 });

const Mapping = Type.Object(Object.fromEntries(SHEET_FIELDS.map((field) => [field, Type.Optional(ColumnIndex)])), {
  ...strict,
  description: 'The column (index from 0) that feeds each field; a field left out has no column',
});

export const SheetReadSchema = Type.Object({
  headers: Type.Array(Type.String(), { description: 'The header row (the sheet’s row 1)' }),
  rows: Type.Array(Type.Array(Type.String()), {
    description:
      'The rows below the header, each as wide as the widest; every cell as text: numbers as the file holds them, ' +
      'dates as YYYY-MM-DD',
  }),
  mapping: Mapping,
  mappingSource: Type.Object(
    Object.fromEntries(SHEET_FIELDS.map((field) => [field, Type.Optional(Type.Enum(['saved', 'suggested']))])),
    {
      description:
        'Where each proposed column comes from: the organisation’s earlier choice for that header, or a suggestion from its name',
    },
  ),
});

export const SheetImportBody = Type.Object(
  {
    headers: Type.Array(Type.String({ maxLength: SHEET_LIMITS.cellLength }), { maxItems: SHEET_LIMITS.columns }),
    rows: Type.Array(Type.Array(Cell, { maxItems: SHEET_LIMITS.columns }), {
      description: `At most ${SHEET_LIMITS.rows} rows (more: 422 sheet_too_many_rows)`,
    }),
    mapping: Mapping,
  },
  strict,
);
export type SheetImportBodyType = Static<typeof SheetImportBody>;

export const SheetImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ description: 'Check and count only; nothing is written' })) },
  strict,
);

const Count = Type.Integer({ minimum: 0 });
const Counts = Type.Object(
  {
    units: Count,
    people: Type.Integer({
      minimum: 0,
      description: 'People new to the organisation (new accounts sign in once invited)',
    }),
    cycles: Count,
    objectives: Count,
    keyResults: Count,
  },
  { description: 'What the import creates (or would create)' },
);

export const SheetProblemSchema = Type.Object({
  row: Type.Integer({ minimum: 1, description: 'The sheet’s row number: the header is row 1, the first data row 2' }),
  column: Type.Union([Type.String(), Type.Null()], { description: 'The column’s header; null for the whole row' }),
  columnIndex: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  field: Type.Union([FieldEnum, Type.Null()]),
  code: Type.Enum(PROBLEM_CODES),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  message: Type.String({ description: 'The problem in words, in the caller’s language' }),
});

export const SheetDryRunSchema = Type.Object({
  counts: Counts,
  problems: Type.Array(SheetProblemSchema, { description: 'In sheet order, at most 500' }),
  problemCount: Count,
});

export const SheetImportedSchema = Type.Object({
  counts: Counts,
  objectives: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String() }), {
    description: 'The objectives created, in sheet order',
  }),
});

/** The 422 of an import with problems: a problem document that also names every problem. */
export const SheetImportInvalidSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.String(),
  code: Type.String(),
  problems: Type.Optional(Type.Array(SheetProblemSchema)),
  problemCount: Type.Optional(Count),
});

export const SheetTemplateParams = Type.Object(
  {
    file: Type.Enum(['sv.csv', 'en.csv', 'sv.xlsx', 'en.xlsx'], {
      description: 'The language (sv or en) and the format (csv or xlsx)',
    }),
  },
  strict,
);
