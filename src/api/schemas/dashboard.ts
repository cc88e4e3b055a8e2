// A cycle's dashboard for the organisation or one unit (docs/dashboards.md).
import { Type } from 'typebox';
import { FiguresAsOf, Nullable, Timestamp, Uuid, DateOnly } from './common.ts';

export const DashboardQuery = Type.Object(
  {
    cycleId: Uuid,
    unitId: Type.Optional(Type.String({ format: 'uuid', description: 'This unit and the units beneath it' })),
  },
  { additionalProperties: false },
);

const Share = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Null when there is nothing to share' }));
const Count = Type.Integer({ minimum: 0 });
const StatusCounts = Type.Object({ on_track: Count, at_risk: Count, off_track: Count });
const NetConfidence = Nullable(
  Type.Number({
    minimum: -1,
    maximum: 1,
    description: 'Share of objectives on track minus share off track; null without objectives',
  }),
);

const Summary = {
  total: Count,
  byStatus: StatusCounts,
  netConfidence: NetConfidence,
  averageProgress: Share,
};

export const DashboardSchema = Type.Object({
  cycleId: Uuid,
  unitId: Nullable(Uuid),
  expectedProgress: Type.Number({ minimum: 0, maximum: 1, description: 'The elapsed share of the cycle' }),
  objectives: Type.Object({
    ...Summary,
    explicitStatus: Type.Integer({ minimum: 0, description: 'Objectives whose owner set the status' }),
  }),
  keyResults: Type.Object({ total: Count, byStatus: StatusCounts }),
  progressDistribution: Type.Array(Type.Object({ from: Type.Number(), to: Type.Number(), count: Count }), {
    description: 'Objectives per band of ten percentage points of progress, lowest first',
  }),
  confidenceTrend: Type.Array(
    Type.Object({
      week: Type.Integer({ minimum: 1 }),
      startsOn: DateOnly,
      checkIns: Count,
      averageConfidence: Nullable(Type.Number({ minimum: 0, maximum: 10 })),
    }),
    { description: 'Every week of the cycle: check-ins made that week and their average confidence' },
  ),
  checkIns: Type.Object({
    tracking: Type.Boolean({ description: 'Check-ins fall due only in an active cycle' }),
    owners: Type.Integer({ minimum: 0, description: 'People who own key results in scope' }),
    ownersUpToDate: Type.Integer({ minimum: 0, description: 'Owners with no check-in overdue' }),
    participation: Share,
    overdue: Type.Integer({ minimum: 0, description: 'Key results with a check-in overdue' }),
    mostOverdue: Type.Array(
      Type.Object({
        keyResultId: Uuid,
        title: Type.String(),
        objectiveId: Uuid,
        objectiveTitle: Type.String(),
        ownerId: Nullable(Uuid),
        ownerName: Nullable(Type.String()),
        lastCheckInAt: Nullable(Timestamp),
        cadenceDays: Type.Integer({ minimum: 1 }),
        daysOverdue: Type.Integer({ minimum: 0 }),
      }),
      { description: 'The ten most overdue, longest first' },
    ),
  }),
  alignment: Type.Object({
    unitObjectives: Count,
    supportingOrganization: Type.Integer({
      minimum: 0,
      description: 'Unit objectives that reach an organisation objective through what they support',
    }),
    servingThemeOnly: Type.Integer({
      minimum: 0,
      description: 'Unit objectives that support no organisation objective but serve a strategy theme',
    }),
    unitShare: Share,
    organizationObjectives: Type.Integer({ minimum: 0, description: 'Of the cycle and of its parent cycle' }),
    supportedOrganization: Type.Integer({
      minimum: 0,
      description: 'Organisation objectives that a unit objective in scope supports, directly or through others',
    }),
    organizationShare: Share,
  }),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String(), ...Summary }), {
    description: 'Top-level units for the organisation, the units directly beneath for a unit',
  }),
  themes: Type.Array(Type.Object({ id: Uuid, name: Type.String(), ...Summary }), {
    description: 'Per strategy theme, in the themes’ order: the objectives in scope that serve it',
  }),
});

export const DashboardSummarySchema = Type.Object({
  cycleId: Uuid,
  unitId: Nullable(Uuid),
  objectives: Type.Object(
    { total: Count, byStatus: StatusCounts, netConfidence: NetConfidence },
    { description: 'The same objectives and statuses as the dashboard’s `objectives`' },
  ),
  asOf: FiguresAsOf,
});
