// A cycle's dashboard for the organisation, or for one unit and the units beneath it
// (docs/dashboards.md): objectives and key results by status, net confidence, progress
// bands, confidence week by week, who keeps up with check-ins, alignment coverage, and a
// breakdown by unit. A fixed number of statements whatever the organisation's size.
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  addStatuses,
  confidenceTrend,
  daysOverdue,
  groupByUnit,
  noStatuses,
  PROGRESS_BANDS,
  shareOf,
  summariseObjectives,
  type ObjectiveFigures,
  type StatusCounts,
  type TrendWeek,
} from '../../core/dashboard.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import { units } from '../../db/schema.ts';
import { loadCadences } from '../check-ins/cadences.ts';
import type { AppDeps, Caller } from '../context.ts';
import { objectiveFigures } from '../health/alignment-health.ts';
import { actorInOrg } from '../scope.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { unitScope } from '../units/unit-tree.ts';
import { loadThemes } from '../themes/theme-view.ts';
import { checkInFigures, checkInWeeks, objectiveRows, type ObjectiveRow, type Scope } from './dashboard-queries.ts';

export interface DashboardInput {
  cycleId: string;
  unitId?: string;
}

/** How many overdue key results the dashboard names; the count covers them all. */
export const MOST_OVERDUE_LIMIT = 10;

interface Summary {
  total: number;
  byStatus: StatusCounts;
  netConfidence: number | null;
  averageProgress: number | null;
}

export interface OverdueKeyResult {
  keyResultId: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  ownerId: string | null;
  ownerName: string | null;
  lastCheckInAt: string | null;
  cadenceDays: number;
  daysOverdue: number;
}

export interface DashboardView {
  cycleId: string;
  unitId: string | null;
  /** The elapsed share of the cycle: the progress one would expect by now. */
  expectedProgress: number;
  objectives: Summary & { explicitStatus: number };
  keyResults: { total: number; byStatus: StatusCounts };
  progressDistribution: { from: number; to: number; count: number }[];
  confidenceTrend: TrendWeek[];
  checkIns: {
    /** Check-ins fall due only in an active cycle; otherwise the figures below are empty. */
    tracking: boolean;
    owners: number;
    ownersUpToDate: number;
    participation: number | null;
    overdue: number;
    mostOverdue: OverdueKeyResult[];
  };
  alignment: {
    unitObjectives: number;
    supportingOrganization: number;
    /** Unit objectives that support no organisation objective but serve a strategy theme. */
    servingThemeOnly: number;
    unitShare: number | null;
    organizationObjectives: number;
    supportedOrganization: number;
    organizationShare: number | null;
  };
  /** Top-level units for the organisation, the units directly beneath for a unit; by name. */
  units: (Summary & { id: string; name: string })[];
  /** Per strategy theme, in the themes' order: the objectives in scope that serve it. */
  themes: (Summary & { id: string; name: string })[];
}

const figuresOf = (row: ObjectiveRow): ObjectiveFigures => ({
  progress: row.progress,
  explicitStatus: row.explicit_status,
  confidence: row.min_confidence,
});

/**
 * What every dashboard figure starts from: the caller in the organisation, the cycle, the
 * objectives in scope (for a unit, its subtree and people) and the progress expected now.
 */
export async function dashboardScope(deps: AppDeps, caller: Caller, orgId: string, input: DashboardInput) {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const cycle = await findOrgCycle(deps, actor.orgId, input.cycleId);
  const scopeUnits = input.unitId ? await unitScope(deps, actor.orgId, input.unitId) : null;
  const scope: Scope = { actor, cycleId: cycle.id, units: scopeUnits };
  const now = deps.now();
  const { start, end } = cycleBounds(cycle);
  return { actor, cycle, scopeUnits, scope, now, start, end, expected: expectedProgress(start, end, now) };
}

export async function getDashboard(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: DashboardInput,
): Promise<DashboardView> {
  const { actor, cycle, scopeUnits, scope, now, start, end, expected } = await dashboardScope(
    deps,
    caller,
    orgId,
    input,
  );
  const tracking = cycle.status === 'active';

  const cadences = await loadCadences(deps.db, actor.orgId, deps.caches);
  const tree = await deps.db
    .select({ id: units.id, parentId: units.parentId, name: units.name })
    .from(units)
    .where(and(eq(units.orgId, actor.orgId), isNull(units.archivedAt)))
    .orderBy(asc(units.name), asc(units.id));
  const rows = await objectiveRows(deps.db, scope, expected);
  const checkIns = tracking ? await checkInFigures(deps.db, scope, cadences, now, MOST_OVERDUE_LIMIT) : null;
  const weeks = await checkInWeeks(deps.db, scope, start, end);
  const alignment = await objectiveFigures(deps, actor, cycle, scopeUnits, { withoutKeyResults: false });
  const themes = await loadThemes(deps, actor.orgId);

  const summary = summariseObjectives(rows.map(figuresOf), expected);
  const keyResults = noStatuses();
  for (const row of rows)
    addStatuses(keyResults, { on_track: row.kr_on_track, at_risk: row.kr_at_risk, off_track: row.kr_off_track });
  const supported = alignment.org_objectives - alignment.unsupported.length;

  return {
    cycleId: cycle.id,
    unitId: input.unitId ?? null,
    expectedProgress: expected,
    objectives: {
      total: summary.total,
      byStatus: summary.byStatus,
      explicitStatus: summary.explicit,
      netConfidence: summary.netConfidence,
      averageProgress: summary.averageProgress,
    },
    keyResults: { total: rows.reduce((sum, row) => sum + row.key_results, 0), byStatus: keyResults },
    progressDistribution: summary.distribution.map((count, band) => ({
      from: band / PROGRESS_BANDS,
      to: (band + 1) / PROGRESS_BANDS,
      count,
    })),
    confidenceTrend: confidenceTrend(start, end, weeks),
    checkIns: {
      tracking,
      owners: checkIns?.owners ?? 0,
      ownersUpToDate: checkIns ? checkIns.owners - checkIns.owners_behind : 0,
      participation: checkIns ? shareOf(checkIns.owners - checkIns.owners_behind, checkIns.owners) : null,
      overdue: checkIns?.overdue ?? 0,
      mostOverdue: (checkIns?.most_overdue ?? []).map((row) => ({
        keyResultId: row.key_result_id,
        title: row.title,
        objectiveId: row.objective_id,
        objectiveTitle: row.objective_title,
        ownerId: row.owner_id,
        ownerName: row.owner_name,
        lastCheckInAt: row.last_check_in_at === null ? null : new Date(row.last_check_in_at).toISOString(),
        cadenceDays: row.cadence_days,
        daysOverdue: daysOverdue(new Date(row.since), row.cadence_days, now),
      })),
    },
    alignment: {
      unitObjectives: alignment.unit_objectives,
      supportingOrganization: alignment.supporting,
      servingThemeOnly: alignment.serving_theme_only,
      unitShare: shareOf(alignment.supporting, alignment.unit_objectives),
      organizationObjectives: alignment.org_objectives,
      supportedOrganization: supported,
      organizationShare: shareOf(supported, alignment.org_objectives),
    },
    units: breakdown(tree, input.unitId ?? null, rows, expected),
    themes: themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      ...summaryOf(rows.filter((row) => row.theme_ids.includes(theme.id)).map(figuresOf), expected),
    })),
  };
}

/** The figures a group of objectives shows (a unit's, a theme's). */
function summaryOf(figures: ObjectiveFigures[], expected: number): Summary {
  const { total, byStatus, netConfidence, averageProgress } = summariseObjectives(figures, expected);
  return { total, byStatus, netConfidence, averageProgress };
}

/**
 * Figures per group of units: each objective of a unit counts in its unit's group, and a
 * person's objective in the group of every unit the person belongs to.
 */
function breakdown(
  tree: { id: string; parentId: string | null; name: string }[],
  rootId: string | null,
  rows: ObjectiveRow[],
  expected: number,
): DashboardView['units'] {
  const owners = (row: ObjectiveRow) => (row.level === 'unit' ? [row.unit_id] : (row.person_units ?? []));
  return groupByUnit(tree, rootId, rows, owners).map(({ group, rows: inGroup }) => ({
    id: group.id,
    name: group.name,
    ...summaryOf(inGroup.map(figuresOf), expected),
  }));
}
