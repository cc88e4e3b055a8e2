import { Type } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { ReflectionFields } from './objective.ts';
import { Abilities } from './org.ts';

export const UnitCycleParams = Type.Object({ id: Uuid, cycleId: Uuid });

export const UnitReflectionSchema = Type.Object({
  unitId: Uuid,
  cycleId: Uuid,
  ...ReflectionFields,
  authorName: Nullable(Type.String()),
  version: Type.Integer({ description: '0 while nothing is written yet' }),
  updatedAt: Nullable(Timestamp),
  abilities: Abilities,
});

export const UnitReflectionBody = Type.Object(ReflectionFields, { additionalProperties: false });
