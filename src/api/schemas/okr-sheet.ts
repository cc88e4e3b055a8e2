// Spreadsheets out: the query of an OKR sheet download (docs/export.md, "Sheets out").
import { Type } from 'typebox';
import { Uuid } from './common.ts';

export const OkrSheetQuery = Type.Object(
  {
    cycleId: { ...Uuid, description: 'The cycle whose OKRs the sheet holds' },
    unitId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Only this unit’s own objectives and its members’ personal ones (not the units beneath it)',
      }),
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'csv (the default) or xlsx' }),
    ),
    lang: Type.Optional(
      Type.Union([Type.Literal('sv'), Type.Literal('en')], {
        description:
          'Language of headers, levels, metrics and statuses; else the caller’s (account, then Accept-Language)',
      }),
    ),
  },
  { additionalProperties: false },
);
