// The quarterly review of a cycle, for the organisation or one unit (app/review/get-review.ts).
import { Type } from 'typebox';
import { CYCLE_STATUSES, OBJECTIVE_LEVELS } from '../../core/domain.ts';
import { DateOnly, Nullable, Uuid } from './common.ts';
import { AlignmentHealthSchema } from './coach.ts';
import { CarryLinkSchema, KeyResultMeasureFields, ReflectionFields } from './objective.ts';

export const ReviewQuery = Type.Object(
  {
    cycleId: Uuid,
    unitId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'This unit’s own objectives and its members’ instead of the organisation’s',
      }),
    ),
  },
  { additionalProperties: false },
);

const Score = Type.Number({ minimum: 0, maximum: 1 });
const Band = Type.Enum(['red', 'yellow', 'green'], { description: '0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green' });
const Reflection = Type.Object(ReflectionFields);
const Share = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const scored = {
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  score: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'The final score where given, else the one suggested from progress (the score so far)',
  }),
  band: Band,
  finalScore: Nullable(Score),
};

const ReviewKeyResult = Type.Object({
  id: Uuid,
  title: Type.String(),
  ownerName: Nullable(Type.String()),
  ...KeyResultMeasureFields,
  weight: Type.Number(),
  ...scored,
});

const ReviewObjective = Type.Object({
  id: Uuid,
  title: Type.String(),
  level: Type.Enum([...OBJECTIVE_LEVELS]),
  ownerName: Type.String(),
  done: Type.Boolean({ description: 'Marked done before the cycle closed' }),
  ...scored,
  reflection: Nullable(Reflection),
  carriedTo: Type.Array(CarryLinkSchema, { description: 'The objectives that continue it in another cycle' }),
  keyResults: Type.Array(ReviewKeyResult),
});

export const ReviewSchema = Type.Object({
  organization: Type.Object({ id: Uuid, name: Type.String() }),
  unit: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  cycle: Type.Object({
    id: Uuid,
    name: Type.String(),
    startsOn: DateOnly,
    endsOn: DateOnly,
    status: Type.Enum([...CYCLE_STATUSES]),
  }),
  scoresFinal: Type.Boolean({
    description: 'The cycle is closed: scores are final; otherwise they are the scores so far, from progress',
  }),
  summary: Type.Object({
    objectives: Type.Integer({ minimum: 0 }),
    averageScore: Share,
    byBand: Type.Object({ red: Type.Integer(), yellow: Type.Integer(), green: Type.Integer() }),
    done: Type.Integer({ minimum: 0 }),
    carriedOver: Type.Integer({ minimum: 0 }),
  }),
  objectives: Type.Array(ReviewObjective, {
    description:
      'Public published objectives only, whoever asks: the organisation’s, or the unit’s and then its members’',
  }),
  unitReflection: Nullable(Reflection),
  units: Nullable(
    Type.Array(
      Type.Object({
        id: Uuid,
        name: Type.String(),
        objectives: Type.Integer({ minimum: 0 }),
        averageScore: Share,
        supportingOrganization: Type.Integer({ minimum: 0 }),
        alignmentShare: Share,
      }),
      { description: 'For the organisation: each top-level unit with the units beneath it' },
    ),
  ),
  alignment: AlignmentHealthSchema,
});
