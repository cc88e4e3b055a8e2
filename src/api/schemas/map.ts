// The alignment map of one cycle (docs/alignment-map.md): what the map draws, nothing more.
import { Type } from 'typebox';
import { OBJECTIVE_LEVELS, STATUSES } from '../../core/domain.ts';
import { Nullable, Uuid } from './common.ts';

export const AlignmentMapQuery = Type.Object(
  { cycleId: Type.String({ format: 'uuid', description: 'The cycle to draw' }) },
  { additionalProperties: false },
);

/** A key result as the map names it, within its objective's node. */
export const MapKeyResultSchema = Type.Object({ id: Uuid, title: Type.String() });

export const MapObjectiveSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  level: Type.Enum([...OBJECTIVE_LEVELS]),
  unitId: Nullable(Uuid),
  personId: Nullable(Uuid),
  ownerName: Type.String({ description: 'The unit’s, the person’s or the organisation’s name' }),
  status: Type.Enum([...STATUSES], { description: 'The owner’s explicit status, else the suggested one' }),
  progress: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Weighted progress of the live key results, as in the objectives list',
  }),
  supports: Type.Array(Uuid, { description: 'Objectives (not archived) this one supports' }),
  supportsKeyResultIds: Type.Optional(
    Type.Array(Uuid, {
      description:
        'The key results (live) of objectives on this map that this one supports, in the order linked; ' +
        'each one’s objective is in supports. Left out when there are none.',
    }),
  ),
  keyResultsSupported: Type.Optional(
    Type.Array(MapKeyResultSchema, {
      description:
        'Its key results (live) that an objective on this map supports, in their order: the rows its node ' +
        'draws, where those links end. Left out when there are none.',
    }),
  ),
  themeIndexes: Type.Optional(
    Type.Array(Type.Integer({ minimum: 0 }), {
      description:
        'The strategy themes it serves, as indexes into the map’s themes, in the themes’ order. ' +
        'Left out when it serves none.',
    }),
  ),
});

/** A strategy theme as the map labels it. */
export const MapThemeSchema = Type.Object({ id: Uuid, name: Type.String() });

export const MapUnitSchema = Type.Object({ id: Uuid, parentId: Nullable(Uuid), name: Type.String() });

export const AlignmentMapSchema = Type.Object(
  {
    cycleId: Uuid,
    parentCycleId: Nullable(Uuid),
    themes: Type.Array(MapThemeSchema, {
      description:
        'The organisation’s strategy themes in their order; an objective’s themeIndexes point into this list',
    }),
    objectives: Type.Array(MapObjectiveSchema, {
      description:
        'Every objective of the cycle the caller may read, and the parent cycle’s organisation ' +
        'objectives first; not archived; drafts and private objectives only for those who may read them. ' +
        'Ordered parent cycle first, then by creation.',
    }),
    units: Type.Array(MapUnitSchema, { description: 'The organisation’s units (not archived), by name' }),
  },
  {
    description:
      'The map as the database writes it: sent as JSON text without being parsed and serialised again ' +
      'by the server.',
  },
);
