// The quarterly review (docs/cycles.md, "The quarterly review"): a cycle told as slides for
// the organisation or one unit — each objective with its score and band, its key results'
// scores and its owners' reflection, what was carried over, alignment health and, for the
// organisation, a summary per unit. Scores are the final ones once given (closing gives
// every objective one) and until then the score closing would suggest now, from progress.
// Pure functions over rows the use case read; no I/O.
import type { Metric, ObjectiveLevel } from './domain.ts';
import { groupByUnit } from './dashboard.ts';
import { keyResultProgress, objectiveProgress } from './progress.ts';
import { suggestedKeyResultScore, suggestedObjectiveScore } from './scoring.ts';
import { scoreBand, type ScoreBand } from './status.ts';

/** What a key result's score is made from, as the statements read it. */
export interface ScoringKeyResultRow {
  metric: Metric;
  start: number;
  target: number;
  current: number;
  weight: number;
  /** The owner's final score, or null while none is given. */
  finalScore: number | null;
}

export interface ReviewKeyResultRow extends ScoringKeyResultRow {
  id: string;
  title: string;
  ownerName: string | null;
  unit: string;
}

export interface ReflectionText {
  wentWell: string;
  learned: string;
  changeNext: string;
}

/** The objective that continues this one in a later cycle. */
export interface CarriedTo {
  id: string;
  title: string;
  cycleId: string;
  cycleName: string;
}

export interface ReviewObjectiveRow {
  id: string;
  title: string;
  level: ObjectiveLevel;
  ownerName: string;
  /** Marked done before the cycle closed. */
  done: boolean;
  finalScore: number | null;
  reflection: ReflectionText | null;
  carriedTo: CarriedTo[];
  keyResults: ReviewKeyResultRow[];
}

export interface Scored {
  progress: number;
  /** The final score where given, else the one suggested from progress (in tenths). */
  score: number;
  band: ScoreBand;
}

export type ReviewKeyResult = ReviewKeyResultRow & Scored;
export type ReviewObjective = Omit<ReviewObjectiveRow, 'keyResults'> & Scored & { keyResults: ReviewKeyResult[] };

function scoreKeyResult<K extends ScoringKeyResultRow>(kr: K): K & Scored {
  const progress = keyResultProgress(kr);
  const score = kr.finalScore ?? suggestedKeyResultScore(progress);
  return { ...kr, progress, score, band: scoreBand(score) };
}

/** An objective's score as closing gives it: its own final score, else the suggestion from its key results. */
export function objectiveScore(finalScore: number | null, keyResults: readonly ScoringKeyResultRow[]): Scored {
  const scored = keyResults.map(scoreKeyResult);
  const score = finalScore ?? suggestedObjectiveScore(scored);
  return { progress: objectiveProgress(scored), score, band: scoreBand(score) };
}

export function reviewObjective(row: ReviewObjectiveRow): ReviewObjective {
  return { ...row, ...objectiveScore(row.finalScore, row.keyResults), keyResults: row.keyResults.map(scoreKeyResult) };
}

export type BandCounts = Record<ScoreBand, number>;

export interface ReviewSummary {
  objectives: number;
  /** The mean of the objectives' scores; null without objectives. */
  averageScore: number | null;
  byBand: BandCounts;
  done: number;
  carriedOver: number;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

export function reviewSummary(objectives: readonly ReviewObjective[]): ReviewSummary {
  const byBand: BandCounts = { red: 0, yellow: 0, green: 0 };
  for (const objective of objectives) byBand[objective.band]++;
  return {
    objectives: objectives.length,
    averageScore: mean(objectives.map((o) => o.score)),
    byBand,
    done: objectives.filter((o) => o.done).length,
    carriedOver: objectives.filter((o) => o.carriedTo.length > 0).length,
  };
}

/** A unit objective of the cycle, for the organisation review's summary per unit. */
export interface UnitObjectiveRow {
  unitId: string;
  finalScore: number | null;
  /** It reaches an organisation objective through what it supports (alignment health's rule). */
  supporting: boolean;
  keyResults: ScoringKeyResultRow[];
}

export interface UnitReviewSummary {
  id: string;
  name: string;
  objectives: number;
  averageScore: number | null;
  supportingOrganization: number;
  /** The share of its objectives that support the organisation's; null without objectives. */
  alignmentShare: number | null;
}

/**
 * One summary per top-level unit, by name, each counting the objectives of the unit and of
 * every unit beneath it (as the dashboard's breakdown groups them).
 */
export function unitSummaries(
  tree: readonly { id: string; parentId: string | null; name: string }[],
  objectives: readonly UnitObjectiveRow[],
): UnitReviewSummary[] {
  return groupByUnit(tree, null, objectives, (row) => [row.unitId]).map(({ group, rows }) => {
    const supporting = rows.filter((row) => row.supporting).length;
    return {
      id: group.id,
      name: group.name,
      objectives: rows.length,
      averageScore: mean(rows.map((row) => objectiveScore(row.finalScore, row.keyResults).score)),
      supportingOrganization: supporting,
      alignmentShare: rows.length === 0 ? null : supporting / rows.length,
    };
  });
}

export type ReviewSlide =
  | { kind: 'title' }
  | { kind: 'objective'; objectiveId: string }
  | { kind: 'reflection' }
  | { kind: 'carried' }
  | { kind: 'health' }
  | { kind: 'units' };

/**
 * The slides in the order they are shown: the title, one per objective, the unit's own
 * reflection (a unit review), what was carried over, alignment health, and the units
 * (the organisation review).
 */
export function reviewSlides(review: {
  objectives: readonly { id: string }[];
  unit: object | null;
  units: readonly object[] | null;
}): ReviewSlide[] {
  return [
    { kind: 'title' },
    ...review.objectives.map((o) => ({ kind: 'objective' as const, objectiveId: o.id })),
    ...(review.unit ? [{ kind: 'reflection' as const }] : []),
    { kind: 'carried' },
    { kind: 'health' },
    ...(review.units ? [{ kind: 'units' as const }] : []),
  ];
}
