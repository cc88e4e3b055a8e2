// The coach's advice, the check of a draft objective, and alignment health.
import { Type } from 'typebox';
import { METRICS, OBJECTIVE_KINDS, OBJECTIVE_LEVELS } from '../../core/domain.ts';
import { SEVERITIES } from '../../core/coach/rule-ids.ts';
import { TARGET_TYPES } from '../../core/coach/model.ts';
import { FiguresAsOf, Nullable, Uuid } from './common.ts';
import { Figure, Supports, SupportsKeyResults, ThemeIds } from './objective.ts';
import { CoachRuleId } from './org.ts';

const Severity = Type.Enum([...SEVERITIES]);

export const CoachQuery = Type.Object(
  {
    cycleId: Uuid,
    unitId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Only advice about this unit, the units beneath it, their objectives and their people',
      }),
    ),
    ruleId: Type.Optional(CoachRuleId),
    severity: Type.Optional(Severity),
    subunits: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'With unitId, false leaves out the units beneath it and their people: only advice about the unit, ' +
          'its objectives and key results, and its own members with their individual objectives',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        description: 'At most this many pieces of advice (warnings first); the answer’s total says how many there are',
      }),
    ),
    rules: Type.Optional(
      Type.Boolean({ default: true, description: 'False leaves the list of rules out of the answer' }),
    ),
  },
  { additionalProperties: false },
);

export const AdviceSchema = Type.Object({
  ruleId: CoachRuleId,
  severity: Severity,
  target: Type.Object({
    type: Type.Enum([...TARGET_TYPES]),
    id: Type.String({
      description: 'The id of what the advice is about; for a checked draft "draft" or "draft/keyResults/<index>"',
    }),
    name: Type.String({ description: 'Its title or name' }),
  }),
  objectiveId: Nullable(Type.String({ description: 'The objective the advice belongs to ("draft" for a draft)' })),
  title: Type.String({ description: 'What is wrong, in the caller’s language' }),
  why: Type.String({ description: 'Why the method cares' }),
  todo: Type.String({ description: 'What to do' }),
});

export const CoachRuleSchema = Type.Object({ id: CoachRuleId, severity: Severity, enabled: Type.Boolean() });

export const CoachAdviceSchema = Type.Object({
  cycleClosed: Type.Boolean({
    description: 'The cycle is closed: no advice about it (what is left is scoring and reflecting)',
  }),
  items: Type.Array(AdviceSchema, { description: 'Warnings first, then hints' }),
  total: Type.Optional(
    Type.Integer({ minimum: 0, description: 'With limit: how many pieces of advice there are, shown or not' }),
  ),
  rules: Type.Optional(
    Type.Array(CoachRuleSchema, {
      description: 'Every rule, and whether the organisation has it on (left out when rules=false)',
    }),
  ),
});

const DraftKeyResultBody = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    metric: Type.Enum([...METRICS]),
    start: Type.Optional(Figure),
    target: Type.Optional(Figure),
    unit: Type.Optional(Type.String({ maxLength: 40 })),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const CoachCheckBody = Type.Object(
  {
    cycleId: Uuid,
    level: Type.Enum([...OBJECTIVE_LEVELS]),
    unitId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
    title: Type.String({ maxLength: 300, description: 'May be empty while the person is still typing' }),
    kind: Type.Optional(Type.Enum([...OBJECTIVE_KINDS])),
    supports: Type.Optional(Supports),
    supportsKeyResultIds: Type.Optional(SupportsKeyResults),
    themeIds: Type.Optional(ThemeIds),
    keyResults: Type.Optional(Type.Array(DraftKeyResultBody, { maxItems: 20 })),
    objectiveId: Type.Optional(
      Type.String({ format: 'uuid', description: 'The saved objective being edited, left out of the context' }),
    ),
  },
  { additionalProperties: false },
);

export const AlignmentHealthQuery = Type.Object(
  {
    cycleId: Uuid,
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'This unit and the units beneath it' })),
  },
  { additionalProperties: false },
);

const Share = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Null when there is nothing to share' }));
const Named = Type.Object({ id: Uuid, title: Type.String() });

export const AlignmentHealthSchema = Type.Object({
  cycleId: Uuid,
  unitId: Nullable(Uuid),
  unitObjectives: Type.Object({
    total: Type.Integer(),
    supportingOrganization: Type.Integer({
      description: 'Unit objectives that reach an organisation objective through what they support, at any depth',
    }),
    share: Share,
    servingThemeOnly: Type.Integer({
      description:
        'Unit objectives that reach no organisation objective but serve a strategy theme, themselves or through what they support',
    }),
  }),
  organizationObjectives: Type.Object({
    total: Type.Integer({ description: 'Of the cycle and of its parent cycle' }),
    unsupported: Type.Array(Named, { description: 'Those no unit objective in scope supports' }),
  }),
  units: Type.Object({
    total: Type.Integer(),
    withoutObjectives: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  }),
  people: Type.Object({
    total: Type.Integer({ description: 'Members who may take part (not viewers)' }),
    withIndividualObjectives: Type.Integer(),
    share: Share,
  }),
  objectivesWithoutKeyResults: Type.Array(
    Type.Object({ id: Uuid, title: Type.String(), level: Type.Enum([...OBJECTIVE_LEVELS]) }),
  ),
  asOf: FiguresAsOf,
});
