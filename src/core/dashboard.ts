// The figures of a dashboard (docs/dashboards.md), from rows the database has already
// reduced: one per objective, one per week of check-ins. Pure functions.
import { STATUSES, type Status } from './domain.ts';
import { suggestedStatus } from './status.ts';

export type StatusCounts = Record<Status, number>;

export const noStatuses = (): StatusCounts => ({ on_track: 0, at_risk: 0, off_track: 0 });

/** A part of a whole, or null when there is no whole (nothing to divide). */
export const shareOf = (part: number, total: number): number | null => (total === 0 ? null : part / total);

/**
 * Net confidence: the share on track minus the share off track, from −1 (everything off
 * track) to 1 (everything on track). At risk counts in the whole but on neither side, so a
 * scope that is all at risk scores 0. Null when there is nothing to judge.
 */
export function netConfidence(counts: StatusCounts): number | null {
  const total = counts.on_track + counts.at_risk + counts.off_track;
  return total === 0 ? null : (counts.on_track - counts.off_track) / total;
}

/** Progress is shown in ten bands of ten percentage points: 0–10 %, 10–20 %, …, 90–100 %. */
export const PROGRESS_BANDS = 10;

/**
 * The band of a progress 0–1. A band holds its lower bound (0.1 is in 10–20 %) and the last
 * band holds 100 %. The tolerance keeps a progress that is a tenth in decimal on its band:
 * 0.7 × 10 is 7.000000000000001 and 0.3 × 3 × 10 is 8.999999999999998 in binary floating point.
 */
export function progressBand(progress: number): number {
  const band = Math.floor(Math.min(1, Math.max(0, progress)) * PROGRESS_BANDS + 1e-9);
  return Math.min(PROGRESS_BANDS - 1, band);
}

/** One objective as the dashboard sees it: its figures and whether its owner set the status. */
export interface ObjectiveFigures {
  progress: number;
  /** The owner's explicit status, or null to use the suggested one. */
  explicitStatus: Status | null;
  /** The lowest latest confidence of its key results; null when none has a check-in. */
  confidence: number | null;
}

export interface ObjectiveSummary {
  total: number;
  byStatus: StatusCounts;
  /** How many of them have a status their owner set rather than the suggested one. */
  explicit: number;
  netConfidence: number | null;
  averageProgress: number | null;
  /** Objectives per progress band (PROGRESS_BANDS entries, lowest first). */
  distribution: number[];
}

/** The status an objective counts with: its owner's when set, else the suggested one. */
export function objectiveStatus(objective: ObjectiveFigures, expected: number): Status {
  return (
    objective.explicitStatus ??
    suggestedStatus({ progress: objective.progress, expected, confidence: objective.confidence })
  );
}

export function summariseObjectives(objectives: readonly ObjectiveFigures[], expected: number): ObjectiveSummary {
  const byStatus = noStatuses();
  const distribution = Array.from({ length: PROGRESS_BANDS }, () => 0);
  let progress = 0;
  let explicit = 0;
  for (const objective of objectives) {
    byStatus[objectiveStatus(objective, expected)]++;
    const band = progressBand(objective.progress);
    distribution[band] = (distribution[band] ?? 0) + 1;
    progress += objective.progress;
    if (objective.explicitStatus !== null) explicit++;
  }
  return {
    total: objectives.length,
    byStatus,
    explicit,
    netConfidence: netConfidence(byStatus),
    averageProgress: shareOf(progress, objectives.length),
    distribution,
  };
}

/** Adds status counts together (key results counted per objective, for example). */
export function addStatuses(into: StatusCounts, counts: Partial<StatusCounts>): StatusCounts {
  for (const status of STATUSES) into[status] += counts[status] ?? 0;
  return into;
}

/**
 * For a breakdown by unit: which of the `groups` (units directly beneath the shown one, or
 * the top-level units for the organisation) each unit belongs to, itself or through an
 * ancestor. Units outside every group are left out.
 */
export function unitGroups(
  units: readonly { id: string; parentId: string | null }[],
  groups: readonly string[],
): Map<string, string> {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const groupIds = new Set(groups);
  const result = new Map<string, string>();
  for (const unit of units) {
    const path: string[] = [];
    let group: string | undefined;
    // The step limit guards against a damaged tree, which the unit rules never allow.
    for (let id: string | null | undefined = unit.id; id && path.length <= units.length; id = parentOf.get(id)) {
      const known = result.get(id);
      if (known !== undefined || groupIds.has(id)) {
        group = known ?? id;
        break;
      }
      path.push(id);
    }
    if (group !== undefined) for (const id of path) result.set(id, group);
  }
  for (const id of groupIds) if (parentOf.has(id)) result.set(id, id);
  return result;
}

/**
 * A breakdown's groups — the units directly beneath `rootId` (null: the top-level units),
 * in the tree's order — each with the rows that belong to it: a row counts once in the
 * group of each of its units (`unitsOf`), whether a unit is the group or lies beneath it.
 */
export function groupByUnit<Row, U extends { id: string; parentId: string | null }>(
  tree: readonly U[],
  rootId: string | null,
  rows: readonly Row[],
  unitsOf: (row: Row) => readonly (string | null)[],
): { group: U; rows: Row[] }[] {
  const groups = tree.filter((unit) => unit.parentId === rootId);
  const groupOf = unitGroups(
    tree,
    groups.map((g) => g.id),
  );
  const byGroup = new Map<string, Row[]>(groups.map((g) => [g.id, []]));
  for (const row of rows) {
    const inGroups = new Set(unitsOf(row).map((id) => groupOf.get(id ?? '')));
    for (const group of inGroups) if (group !== undefined) byGroup.get(group)?.push(row);
  }
  return groups.map((group) => ({ group, rows: byGroup.get(group.id) ?? [] }));
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface WeekRow {
  /** 0 for the cycle's first seven days. */
  week: number;
  checkIns: number;
  averageConfidence: number;
}

export interface TrendWeek {
  /** 1 for the cycle's first week. */
  week: number;
  startsOn: string;
  checkIns: number;
  averageConfidence: number | null;
}

/** The week of a cycle a moment falls in, counted from 0 at the cycle's start. */
export const weekOfCycle = (cycleStart: Date, at: Date): number =>
  Math.floor((at.getTime() - cycleStart.getTime()) / WEEK_MS);

/**
 * Every week of a cycle (the last may be short), each with the check-ins made in it and
 * their average confidence; weeks without check-ins have none and no average. `end` is
 * the first moment after the cycle. Rows for weeks outside the cycle are ignored.
 */
export function confidenceTrend(start: Date, end: Date, rows: readonly WeekRow[]): TrendWeek[] {
  const weeks = Math.max(1, Math.ceil((end.getTime() - start.getTime()) / WEEK_MS));
  const byWeek = new Map(rows.map((row) => [row.week, row]));
  return Array.from({ length: weeks }, (_, week) => {
    const row = byWeek.get(week);
    return {
      week: week + 1,
      startsOn: new Date(start.getTime() + week * WEEK_MS).toISOString().slice(0, 10),
      checkIns: row?.checkIns ?? 0,
      averageConfidence: row && row.checkIns > 0 ? row.averageConfidence : null,
    };
  });
}

/**
 * Whole days a check-in is overdue: 0 on the day it fell due (see core/check-in-due.ts:
 * due once a full cadence has passed since the last check-in, or since creation).
 */
export function daysOverdue(since: Date, cadenceDays: number, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS) - cadenceDays);
}
