import { Type } from 'typebox';
import { UNIT_KINDS, UNIT_ROLES } from '../../core/domain.ts';
import { LongText, Nullable, PageQuery, Timestamp, Uuid } from './common.ts';
import { Abilities } from './org.ts';

const UnitKindSchema = Type.Enum([...UNIT_KINDS]);
const UnitRoleSchema = Type.Enum([...UNIT_ROLES]);
const UnitName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const CadenceDays = Type.Integer({ minimum: 1, maximum: 90 });
const OwnCadence = Type.Union([CadenceDays, Type.Null()], {
  description:
    'Days between check-ins for this unit and the units beneath it; null to follow the unit above (or the organisation)',
});

const unitFields = {
  id: Uuid,
  parentId: Nullable(Uuid),
  name: Type.String(),
  kind: UnitKindSchema,
  vision: Type.String(),
  mission: Type.String(),
  checkInCadenceDays: OwnCadence,
  version: Type.Integer(),
  memberCount: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const UnitSchema = Type.Object(unitFields);

export const UnitMemberSchema = Type.Object({ accountId: Uuid, name: Type.String(), role: UnitRoleSchema });

export const UnitDetailSchema = Type.Object({
  ...unitFields,
  archivedAt: Nullable(Timestamp),
  ancestors: Type.Array(Type.Object({ id: Uuid, name: Type.String() }), { description: 'The units above, root first' }),
  children: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: UnitKindSchema }), {
    description: 'The units directly beneath (not archived)',
  }),
  members: Type.Array(UnitMemberSchema, { description: 'Leads first, then by name' }),
  effectiveCheckInCadenceDays: Type.Integer({
    description: 'Days between check-ins for this unit’s key results: its own cadence, else the inherited one',
  }),
  inheritedCheckInCadenceDays: Type.Integer({
    description:
      'The cadence it follows without one of its own: the nearest unit above that sets one, else the organisation’s',
  }),
  abilities: Abilities,
});

export const ListUnitsQuery = Type.Object({
  ...PageQuery,
  parentId: Type.Optional(
    Type.Union([Uuid, Type.Literal('root')], {
      description: 'Only the units directly beneath this unit; `root` for the top level',
    }),
  ),
});

export const CreateUnitBody = Type.Object(
  {
    name: UnitName,
    kind: UnitKindSchema,
    parentId: Type.Optional(Nullable(Uuid)),
    vision: Type.Optional(LongText),
    mission: Type.Optional(LongText),
    checkInCadenceDays: Type.Optional(OwnCadence),
  },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(UnitName),
    kind: Type.Optional(UnitKindSchema),
    vision: Type.Optional(LongText),
    mission: Type.Optional(LongText),
    parentId: Type.Optional(Nullable(Uuid)),
    checkInCadenceDays: Type.Optional(OwnCadence),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UnitMemberParams = Type.Object({ id: Uuid, accountId: Uuid });

export const SetUnitMemberBody = Type.Object({ role: UnitRoleSchema }, { additionalProperties: false });
