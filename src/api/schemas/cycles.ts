import { Type } from 'typebox';
import { CYCLE_STATUSES } from '../../core/domain.ts';
import { CREATABLE_CYCLE_STATUSES } from '../../core/cycle-lifecycle.ts';
import { Nullable, PageQuery, Timestamp, Uuid } from './common.ts';
import { Abilities } from './org.ts';

const CycleStatusSchema = Type.Enum([...CYCLE_STATUSES]);
// A calendar date in years 1000–2999: the database rejects some dates the format allows (year 0).
const CycleDate = Type.String({ format: 'date', pattern: '^[12][0-9]{3}-', description: 'YYYY-MM-DD' });
const CycleName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const cycleFields = {
  id: Uuid,
  parentId: Nullable(Uuid),
  name: Type.String(),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.String({ format: 'date' }),
  status: CycleStatusSchema,
  closedAt: Nullable(Timestamp),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const CycleSchema = Type.Object(cycleFields);
export const CycleDetailSchema = Type.Object({ ...cycleFields, abilities: Abilities });

export const ListCyclesQuery = Type.Object({ ...PageQuery, status: Type.Optional(CycleStatusSchema) });

export const CreateCycleBody = Type.Object(
  {
    name: CycleName,
    startsOn: CycleDate,
    endsOn: CycleDate,
    status: Type.Optional(Type.Enum([...CREATABLE_CYCLE_STATUSES])),
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

const Span = { name: CycleName, startsOn: CycleDate, endsOn: CycleDate };

export const CreateYearBody = Type.Object(
  {
    ...Span,
    status: Type.Optional(Type.Enum([...CREATABLE_CYCLE_STATUSES])),
    quarters: Type.Array(Type.Object(Span, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 12,
      description: 'The cycles within the year; those it already has (same dates) are left as they are',
    }),
  },
  { additionalProperties: false },
);

export const YearSchema = Type.Object({
  year: CycleDetailSchema,
  created: Type.Array(CycleDetailSchema, {
    description: 'What this request added: the year (unless it existed) and the quarters it lacked',
  }),
});

export const UpdateCycleBody = Type.Object(
  {
    name: Type.Optional(CycleName),
    startsOn: Type.Optional(CycleDate),
    endsOn: Type.Optional(CycleDate),
    status: Type.Optional(CycleStatusSchema),
    parentId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ClosedCycleSchema = Type.Object({
  ...cycleFields,
  abilities: Abilities,
  scored: Type.Object(
    { objectives: Type.Integer(), keyResults: Type.Integer() },
    { description: 'How many objectives and key results got their suggested score' },
  ),
});
