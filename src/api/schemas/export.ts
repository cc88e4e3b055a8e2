// The organisation export, format "riktning/1": everything one organisation owns, as one
// JSON document that another installation (or another organisation here) can import.
// Items refer to each other by the ids they had where they were exported; an import gives
// them new ones. Flat lists in the order an import creates them, so that the document can be
// written and read as a stream.
import { Type, type Static } from 'typebox';
import {
  ACTIVITY_STATUSES,
  CYCLE_STATUSES,
  LIFECYCLES,
  LOCALES,
  METRICS,
  OBJECTIVE_KINDS,
  OBJECTIVE_LEVELS,
  ORG_ROLES,
  STATUSES,
  UNIT_KINDS,
  UNIT_ROLES,
  VISIBILITIES,
} from '../../core/domain.ts';
import { EXPORT_FORMAT } from '../../core/export-format.ts';
import { THEME_LIMITS } from '../../core/limits.ts';
import { DateOnly, Nullable, Timestamp, Uuid } from './common.ts';
import { OrgSettingsSchema } from './org.ts';

const strict = { additionalProperties: false } as const;
const Archived = Nullable(Timestamp);

const ExportOrganization = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    vision: Type.String(),
    mission: Type.String(),
    strategy: Type.String(),
    themes: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Uuid,
            name: Type.String({ minLength: 1, maxLength: THEME_LIMITS.name }),
            description: Type.String({ maxLength: THEME_LIMITS.description }),
          },
          strict,
        ),
        {
          maxItems: THEME_LIMITS.perOrganization,
          description: 'The strategy themes in their order (absent in documents from before themes)',
        },
      ),
    ),
    defaultLocale: Type.Enum([...LOCALES]),
    settings: OrgSettingsSchema,
    createdAt: Timestamp,
  },
  strict,
);

const ExportPerson = Type.Object(
  {
    id: Uuid,
    email: Type.String({ format: 'email' }),
    name: Type.String(),
    locale: Type.Enum([...LOCALES]),
    role: Type.Union([Type.Enum([...ORG_ROLES]), Type.Null()], {
      description: 'Their role in the organisation; null for someone no longer a member whose work remains',
    }),
    active: Type.Boolean({ description: 'False when the account can no longer sign in' }),
  },
  strict,
);

const ExportUnit = Type.Object(
  {
    id: Uuid,
    parentId: Nullable(Uuid),
    name: Type.String(),
    kind: Type.Enum([...UNIT_KINDS]),
    vision: Type.String(),
    mission: Type.String(),
    checkInCadenceDays: Nullable(Type.Integer({ minimum: 1, maximum: 90 })),
    members: Type.Array(Type.Object({ personId: Uuid, role: Type.Enum([...UNIT_ROLES]) }, strict)),
    archivedAt: Archived,
    createdAt: Timestamp,
  },
  strict,
);

const ExportCycle = Type.Object(
  {
    id: Uuid,
    parentId: Nullable(Uuid),
    name: Type.String(),
    startsOn: DateOnly,
    endsOn: DateOnly,
    status: Type.Enum([...CYCLE_STATUSES]),
    closedAt: Nullable(Timestamp),
    closedBy: Nullable(Uuid),
    createdAt: Timestamp,
  },
  strict,
);

const ExportObjective = Type.Object(
  {
    id: Uuid,
    cycleId: Uuid,
    level: Type.Enum([...OBJECTIVE_LEVELS]),
    unitId: Nullable(Uuid),
    personId: Nullable(Uuid),
    title: Type.String(),
    description: Type.String(),
    kind: Type.Enum([...OBJECTIVE_KINDS]),
    visibility: Type.Enum([...VISIBILITIES]),
    lifecycle: Type.Enum([...LIFECYCLES]),
    status: Type.Union([Type.Enum([...STATUSES]), Type.Null()], {
      description: 'The owners’ own status; null follows progress',
    }),
    finalScore: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    carriedFromId: Nullable(Uuid),
    supports: Type.Array(Uuid, { description: 'The objectives this one supports, in the order linked' }),
    supportsKeyResultIds: Type.Optional(
      Type.Array(Uuid, {
        description:
          'The key results this one supports, in the order linked; their objectives are supported too ' +
          '(absent in documents from before key results could be supported)',
      }),
    ),
    themeIds: Type.Optional(
      Type.Array(Uuid, {
        description: 'The strategy themes it serves, of organization.themes (absent in documents from before themes)',
      }),
    ),
    createdBy: Nullable(Uuid),
    doneAt: Type.Optional(
      Nullable(Type.String({ format: 'date-time', description: 'Marked done before its cycle closed' })),
    ),
    archivedAt: Archived,
    createdAt: Timestamp,
  },
  strict,
);

const ExportKeyResult = Type.Object(
  {
    id: Uuid,
    objectiveId: Uuid,
    ownerId: Nullable(Uuid),
    title: Type.String(),
    metric: Type.Enum([...METRICS]),
    startValue: Type.Number(),
    targetValue: Type.Number(),
    currentValue: Type.Number(),
    unit: Type.String(),
    weight: Type.Number({ minimum: 0 }),
    confidence: Nullable(Type.Integer({ minimum: 0, maximum: 10 })),
    position: Type.Integer(),
    finalScore: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    archivedAt: Archived,
    createdAt: Timestamp,
  },
  strict,
);

const ExportCheckIn = Type.Object(
  {
    id: Uuid,
    keyResultId: Uuid,
    authorId: Nullable(Uuid),
    value: Type.Number(),
    confidence: Type.Integer({ minimum: 0, maximum: 10 }),
    note: Type.String(),
    blocker: Type.Optional(
      Type.Boolean({ description: 'The note names a blocker (absent in documents from before blockers)' }),
    ),
    correctedAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  strict,
);

const ExportActivity = Type.Object(
  {
    id: Uuid,
    keyResultId: Uuid,
    ownerId: Nullable(Uuid),
    title: Type.String(),
    status: Type.Enum([...ACTIVITY_STATUSES]),
    dueOn: Nullable(DateOnly),
    archivedAt: Archived,
    createdAt: Timestamp,
  },
  strict,
);

const ExportComment = Type.Object(
  {
    id: Uuid,
    objectiveId: Uuid,
    keyResultId: Nullable(Uuid),
    authorId: Nullable(Uuid),
    body: Type.String(),
    editedAt: Nullable(Timestamp),
    deletedAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  strict,
);

const ExportReflection = Type.Object(
  {
    id: Uuid,
    cycleId: Uuid,
    objectiveId: Nullable(Uuid),
    unitId: Nullable(Uuid),
    wentWell: Type.String(),
    learned: Type.String(),
    changeNext: Type.String(),
    authorId: Nullable(Uuid),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  strict,
);

export const ExportDocument = Type.Object(
  {
    format: Type.Literal(EXPORT_FORMAT),
    exportedAt: Timestamp,
    organization: ExportOrganization,
    people: Type.Array(ExportPerson, {
      description: 'Members, and former members whose check-ins, comments or objectives remain',
    }),
    units: Type.Array(ExportUnit, { description: 'Parents before their children' }),
    cycles: Type.Array(ExportCycle, { description: 'Years before their quarters' }),
    objectives: Type.Array(ExportObjective),
    keyResults: Type.Array(ExportKeyResult),
    checkIns: Type.Array(ExportCheckIn),
    activities: Type.Array(ExportActivity),
    comments: Type.Array(ExportComment),
    reflections: Type.Array(ExportReflection, { description: 'On an objective, or on a unit’s cycle' }),
  },
  {
    ...strict,
    title: 'Riktning organisation export',
    description:
      'Everything one organisation owns, format "riktning/1". Items refer to each other by the ids they ' +
      'had where they were exported. Not included: passwords, sessions, API tokens, invitations, ' +
      'notifications and the audit log.',
  },
);

export type ExportDocumentType = Static<typeof ExportDocument>;
export type ExportPersonType = Static<typeof ExportPerson>;

const Count = Type.Integer({ minimum: 0 });

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ description: 'Check and count only; nothing is written' })) },
  strict,
);

export const ImportResultSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    counts: Type.Object(
      {
        people: Count,
        newAccounts: Type.Integer({
          minimum: 0,
          description: 'People with no account here before: they sign in once invited',
        }),
        units: Count,
        cycles: Count,
        objectives: Count,
        keyResults: Count,
        checkIns: Count,
        activities: Count,
        comments: Count,
        reflections: Count,
      },
      { description: 'What the import created (or, in a dry run, would create)' },
    ),
  },
  strict,
);
