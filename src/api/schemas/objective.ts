import { Type } from 'typebox';
import {
  ACTIVITY_STATUSES,
  CYCLE_STATUSES,
  LIFECYCLES,
  METRICS,
  OBJECTIVE_KINDS,
  OBJECTIVE_LEVELS,
  OWNER_ME,
  STATUSES,
  VISIBILITIES,
} from '../../core/domain.ts';
import { THEME_LIMITS } from '../../core/limits.ts';
import { DateOnly, LongText, Nullable, PageQuery, Timestamp, Title, Uuid } from './common.ts';
import { Abilities } from './org.ts';

const Metric = Type.Enum([...METRICS]);
export const Status = Type.Enum([...STATUSES]);
const Score = Type.Number({ minimum: 0, maximum: 1 });
/** Key result figures: finite numbers of a sane size (JSON has no NaN or Infinity). */
export const Figure = Type.Number({ minimum: -1e15, maximum: 1e15 });

/** How a key result measures: every view of one shows these. */
export const KeyResultMeasureFields = {
  metric: Metric,
  start: Type.Number(),
  target: Type.Number(),
  current: Type.Number(),
  unit: Type.String(),
};

export const KeyResultSchema = Type.Object({
  id: Uuid,
  objectiveId: Uuid,
  title: Type.String(),
  ...KeyResultMeasureFields,
  weight: Type.Number(),
  position: Type.Integer(),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  confidence: Nullable(Type.Integer()),
  lastCheckInAt: Nullable(Timestamp),
  status: Status,
  finalScore: Nullable(Type.Number()),
  suggestedScore: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Progress in tenths: what closing the cycle gives',
  }),
  version: Type.Integer(),
  abilities: Abilities,
});

export const ReflectionFields = {
  wentWell: Type.String({ maxLength: 5000 }),
  learned: Type.String({ maxLength: 5000 }),
  changeNext: Type.String({ maxLength: 5000 }),
};

export const CarryLinkSchema = Type.Object({ id: Uuid, title: Type.String(), cycleId: Uuid, cycleName: Type.String() });

const SupportedObjectiveSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  level: Type.Enum([...OBJECTIVE_LEVELS]),
  ownerName: Type.String(),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
});

const SupportedKeyResultSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  objectiveId: Uuid,
  progress: Type.Number({ minimum: 0, maximum: 1 }),
});

export const ObjectiveSchema = Type.Object({
  id: Uuid,
  orgId: Uuid,
  cycleId: Uuid,
  level: Type.Enum([...OBJECTIVE_LEVELS]),
  ownerId: Uuid,
  ownerName: Type.String(),
  unitId: Nullable(Uuid),
  personId: Nullable(Uuid),
  title: Type.String(),
  description: Type.String(),
  kind: Type.Enum([...OBJECTIVE_KINDS]),
  visibility: Type.Enum([...VISIBILITIES]),
  lifecycle: Type.Enum([...LIFECYCLES]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  expectedProgress: Type.Number({ minimum: 0, maximum: 1 }),
  status: Status,
  suggestedStatus: Status,
  statusIsExplicit: Type.Boolean(),
  confidence: Nullable(Type.Number()),
  finalScore: Nullable(Type.Number()),
  scoreBand: Nullable(Type.Enum(['red', 'yellow', 'green'])),
  suggestedScore: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Weighted mean of the key results’ scores (final, else suggested), in tenths',
  }),
  reflection: Nullable(
    Type.Object(
      { ...ReflectionFields, updatedAt: Timestamp },
      { description: 'What the owners learned from the cycle' },
    ),
  ),
  carriedFrom: Nullable(CarryLinkSchema),
  carriedTo: Type.Array(CarryLinkSchema, { description: 'Objectives of later cycles that continue this one' }),
  supports: Type.Array(Uuid, {
    description: 'Ids of the objectives this one supports, including those whose key results it supports',
  }),
  supportsKeyResultIds: Type.Array(Uuid, {
    description: 'Ids of the key results this one supports; their objectives are in supports too',
  }),
  supportedKeyResults: Type.Array(SupportedKeyResultSchema, {
    description:
      'Of the key results this one supports, the live ones the caller may read, in the order they were linked',
  }),
  themeIds: Type.Array(Uuid, { description: 'The strategy themes it serves, in the organisation’s order of themes' }),
  supportedObjectives: Type.Array(SupportedObjectiveSchema, {
    description: 'Of the objectives this one supports, those the caller may read, in the order they were linked',
  }),
  supportedBy: Type.Object({ count: Type.Integer(), progress: Nullable(Type.Number()) }),
  keyResults: Type.Array(KeyResultSchema),
  version: Type.Integer(),
  doneAt: Nullable(
    Type.String({ format: 'date-time', description: 'When its owners marked it done before the cycle closed' }),
  ),
  archivedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Abilities,
});

export const NewKeyResultBody = Type.Object(
  {
    title: Title,
    metric: Metric,
    start: Type.Optional(Figure),
    target: Type.Optional(Figure),
    current: Type.Optional(Figure),
    unit: Type.Optional(Type.String({ maxLength: 40 })),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

export const UpdateKeyResultBody = Type.Object(
  {
    title: Type.Optional(Title),
    metric: Type.Optional(Metric),
    start: Type.Optional(Figure),
    target: Type.Optional(Figure),
    unit: Type.Optional(Type.String({ maxLength: 40 })),
    weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Supports = Type.Array(Uuid, { maxItems: 20, uniqueItems: true });

/** Key results an objective supports: each one's objective is supported too. */
export const SupportsKeyResults = Type.Array(Uuid, {
  maxItems: 20,
  uniqueItems: true,
  description: 'Ids of key results this objective supports; their objectives are added to supports',
});

/** The strategy themes an objective serves (GET /orgs/{orgId}/themes). */
export const ThemeIds = Type.Array(Uuid, {
  maxItems: THEME_LIMITS.perOrganization,
  uniqueItems: true,
  description: 'Ids of the strategy themes this objective serves: exactly these',
});

export const CreateObjectiveBody = Type.Object(
  {
    cycleId: Uuid,
    level: Type.Enum([...OBJECTIVE_LEVELS]),
    unitId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
    title: Title,
    description: Type.Optional(LongText),
    kind: Type.Optional(Type.Enum([...OBJECTIVE_KINDS])),
    visibility: Type.Optional(Type.Enum([...VISIBILITIES])),
    lifecycle: Type.Optional(Type.Enum(['draft', 'published'])),
    supports: Type.Optional(Supports),
    supportsKeyResultIds: Type.Optional(SupportsKeyResults),
    themeIds: Type.Optional(ThemeIds),
    keyResults: Type.Optional(Type.Array(NewKeyResultBody, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const UpdateObjectiveBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(LongText),
    kind: Type.Optional(Type.Enum([...OBJECTIVE_KINDS])),
    visibility: Type.Optional(Type.Enum([...VISIBILITIES])),
    lifecycle: Type.Optional(Type.Enum([...LIFECYCLES])),
    cycleId: Type.Optional(Uuid),
    status: Type.Optional(Nullable(Status)),
    done: Type.Optional(
      Type.Boolean({
        description:
          'Marked done before the cycle closes (reached early): its key results owe no more check-ins; false undoes it',
      }),
    ),
    supports: Type.Optional(Supports),
    supportsKeyResultIds: Type.Optional(SupportsKeyResults),
    themeIds: Type.Optional(ThemeIds),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Final scores and the reflection: what owners may still write once the cycle is closed. */
export const ScoreObjectiveBody = Type.Object(
  {
    finalScore: Type.Optional(Nullable(Score)),
    keyResults: Type.Optional(
      Type.Array(Type.Object({ id: Uuid, finalScore: Nullable(Score) }, { additionalProperties: false }), {
        maxItems: 50,
      }),
    ),
    reflection: Type.Optional(Type.Object(ReflectionFields, { additionalProperties: false })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CarryOverBody = Type.Object(
  { cycleId: Type.String({ format: 'uuid', description: 'A cycle that is not closed, other than the objective’s' }) },
  { additionalProperties: false },
);

export const ListObjectivesQuery = Type.Object(
  {
    cycleId: Type.Optional(Uuid),
    level: Type.Optional(Type.Enum([...OBJECTIVE_LEVELS])),
    unitId: Type.Optional(Uuid),
    personId: Type.Optional(Uuid),
    ids: Type.Optional(
      Type.String({
        pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,49}$',
        description: 'Only these objectives: up to 50 comma-separated ids',
      }),
    ),
    supportsId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Only objectives that support this one (directly or through one of its key results)',
      }),
    ),
    supportsKeyResultId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only objectives that support this key result' }),
    ),
    themeId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only objectives that serve this strategy theme' }),
    ),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Title contains this text' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CheckInBody = Type.Object(
  {
    value: Figure,
    confidence: Type.Integer({ minimum: 0, maximum: 10 }),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    blocker: Type.Optional(
      Type.Boolean({ description: 'The note names something that stops progress (the weekly meeting lists it)' }),
    ),
  },
  { additionalProperties: false },
);

export const CheckInSchema = Type.Object({
  id: Uuid,
  keyResultId: Uuid,
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  value: Type.Number(),
  confidence: Type.Integer(),
  note: Type.String(),
  blocker: Type.Boolean(),
  createdAt: Timestamp,
  version: Type.Integer({ description: 'Send it as If-Match to correct or remove the check-in' }),
  correctedAt: Nullable(Timestamp),
  correctableUntil: Type.String({
    format: 'date-time',
    description: 'Until when its author may correct or remove it: a day after it was made',
  }),
  abilities: Type.Object({ 'checkIn.correct': Type.Boolean() }),
});

/** A correction of one's own check-in: only the fields sent change. */
export const CheckInCorrectionBody = Type.Object(
  {
    value: Type.Optional(Figure),
    confidence: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
    note: Type.Optional(Type.String({ maxLength: 5000 })),
    blocker: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

const ActivityStatus = Type.Enum([...ACTIVITY_STATUSES]);

export const ActivitySchema = Type.Object({
  id: Uuid,
  keyResultId: Uuid,
  title: Type.String(),
  ownerId: Nullable(Uuid),
  ownerName: Nullable(Type.String()),
  status: ActivityStatus,
  dueOn: Nullable(DateOnly),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  abilities: Abilities,
});

export const CreateActivityBody = Type.Object(
  {
    title: Title,
    ownerId: Type.Optional(Nullable(Uuid)),
    status: Type.Optional(ActivityStatus),
    dueOn: Type.Optional(Nullable(DateOnly)),
  },
  { additionalProperties: false },
);

export const UpdateActivityBody = Type.Object(
  {
    title: Type.Optional(Title),
    ownerId: Type.Optional(Nullable(Uuid)),
    status: Type.Optional(ActivityStatus),
    dueOn: Type.Optional(Nullable(DateOnly)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const KeyResultInContextSchema = Type.Intersect([
  KeyResultSchema,
  Type.Object({
    objectiveTitle: Type.String(),
    cycleId: Uuid,
    cycleName: Type.String(),
    cycleStartsOn: Type.String({ format: 'date', description: 'Before this day no check-in falls due' }),
    cadenceDays: Type.Integer({ description: 'Days between check-ins: the unit’s cadence, else the organisation’s' }),
    due: Type.Boolean({ description: 'No check-in within the cadence, in a cycle that has started and is not closed' }),
  }),
]);

export const DueCountSchema = Type.Object({
  count: Type.Integer({
    minimum: 0,
    description:
      'How many of the caller’s key results in active cycles are due for a check-in (those listed with `due` true)',
  }),
});

export const ListKeyResultsQuery = Type.Object(
  {
    ownerId: Type.Optional(
      Type.Union([Uuid, Type.Literal(OWNER_ME)], {
        description: `Only key results this person owns; \`${OWNER_ME}\`: the caller`,
      }),
    ),
    cycleId: Type.Optional(Uuid),
    cycleStatus: Type.Optional(
      Type.Enum([...CYCLE_STATUSES], { description: 'Only key results of cycles in this status, e.g. active' }),
    ),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const ActivityInContextSchema = Type.Intersect([
  ActivitySchema,
  Type.Object({ keyResultTitle: Type.String(), objectiveId: Uuid, objectiveTitle: Type.String() }),
]);

export const ListActivitiesQuery = Type.Object(
  { ownerId: Type.Optional(Uuid), status: Type.Optional(ActivityStatus), ...PageQuery },
  { additionalProperties: false },
);
