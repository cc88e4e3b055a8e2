// Objectives and key results as the API shows them: with progress, expected progress,
// suggested status and what the caller may do. Loads everything for a page of objectives
// from what one statement read (objective-views.ts); no I/O here.
import type { Metric, ObjectiveKind, ObjectiveLevel, Lifecycle, Status, Visibility } from '../../core/domain.ts';
import { abilities, can, type PolicyObject } from '../../core/policy.ts';
import { cycleBounds, expectedProgress, keyResultProgress, objectiveProgress } from '../../core/progress.ts';
import { scoreBand, suggestedStatus, type ScoreBand } from '../../core/status.ts';
import { suggestedKeyResultScore, suggestedObjectiveScore } from '../../core/scoring.ts';
import type { OrgActor } from '../scope.ts';
import { objectivePolicyObject, type KeyResultRow, type ObjectiveRow } from './owner-context.ts';

export interface CycleDates {
  startsOn: string;
  endsOn: string;
  status: string;
}

export interface KeyResultView {
  id: string;
  objectiveId: string;
  title: string;
  metric: Metric;
  start: number;
  target: number;
  current: number;
  unit: string;
  weight: number;
  position: number;
  progress: number;
  ownerId: string | null;
  ownerName: string | null;
  confidence: number | null;
  lastCheckInAt: string | null;
  status: Status;
  finalScore: number | null;
  /** The score closing the cycle would give: progress in tenths. */
  suggestedScore: number;
  version: number;
  abilities: { 'keyResult.manage': boolean; 'checkIn.create': boolean; 'activity.manage': boolean };
}

export interface ObjectiveView {
  id: string;
  orgId: string;
  cycleId: string;
  level: ObjectiveLevel;
  ownerId: string;
  ownerName: string;
  unitId: string | null;
  personId: string | null;
  title: string;
  description: string;
  kind: ObjectiveKind;
  visibility: Visibility;
  lifecycle: Lifecycle;
  progress: number;
  expectedProgress: number;
  status: Status;
  suggestedStatus: Status;
  statusIsExplicit: boolean;
  confidence: number | null;
  finalScore: number | null;
  scoreBand: ScoreBand | null;
  /** The weighted mean of the key results' scores (final, else suggested), in tenths. */
  suggestedScore: number;
  reflection: ReflectionView | null;
  carriedFrom: CarryLink | null;
  carriedTo: CarryLink[];
  /** The objectives it supports, including those whose key results it supports. */
  supports: string[];
  /** Of what it supports, the objectives the reader may read, in the order they were linked. */
  supportedObjectives: SupportedObjective[];
  /** The key results it supports (each one's objective is in `supports`). */
  supportsKeyResultIds: string[];
  /** Of those, the live key results the reader may read, in the order they were linked. */
  supportedKeyResults: SupportedKeyResult[];
  /** The strategy themes it serves, in the organisation's order. */
  themeIds: string[];
  supportedBy: { count: number; progress: number | null };
  keyResults: KeyResultView[];
  version: number;
  /** Marked done before the cycle closed; its key results owe no check-ins. */
  doneAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: {
    'objective.update': boolean;
    'objective.archive': boolean;
    'keyResult.manage': boolean;
    'objective.score': boolean;
    /** May create this objective's successor in a cycle that is not closed. */
    'objective.carryOver': boolean;
  };
}

/** What the owners learned from the cycle. */
export interface ReflectionView {
  wentWell: string;
  learned: string;
  changeNext: string;
  updatedAt: string;
}

/** The other end of a carry-over: the objective it continues, or one that continues it. */
export interface CarryLink {
  id: string;
  title: string;
  cycleId: string;
  cycleName: string;
}

/** An objective this one supports, as lists show the link: enough to name it and its progress. */
export interface SupportedObjective {
  id: string;
  title: string;
  level: ObjectiveLevel;
  ownerName: string;
  progress: number;
}

/** A key result an objective supports, as its pages name it: within its objective, with its progress. */
export interface SupportedKeyResult {
  id: string;
  title: string;
  objectiveId: string;
  progress: number;
}

/** An objective row with what the list query joins to it. */
export interface ObjectiveRecord {
  objective: ObjectiveRow;
  cycle: CycleDates;
  ownerName: string;
}

/** What a key result's view is made from: the stored row without what no view shows. */
export type ShownKeyResult = Pick<
  KeyResultRow,
  | 'id'
  | 'objectiveId'
  | 'title'
  | 'metric'
  | 'startValue'
  | 'targetValue'
  | 'currentValue'
  | 'unit'
  | 'weight'
  | 'position'
  | 'ownerId'
  | 'confidence'
  | 'lastCheckInAt'
  | 'finalScore'
  | 'version'
>;

/** A stored key result's progress from its start towards its target. */
export const keyResultRowProgress = (
  kr: Pick<ShownKeyResult, 'metric' | 'startValue' | 'targetValue' | 'currentValue'>,
): number =>
  keyResultProgress({
    metric: kr.metric as Metric,
    start: kr.startValue,
    target: kr.targetValue,
    current: kr.currentValue,
  });

/** An objective's progress from its stored key results, by their weights. */
export const objectiveRowProgress = (krs: ShownKeyResult[]): number =>
  objectiveProgress(krs.map((kr) => ({ weight: kr.weight, progress: keyResultRowProgress(kr) })));

export function presentKeyResult(
  kr: ShownKeyResult,
  ownerName: string | null,
  expected: number,
  actor: OrgActor,
  policy: PolicyObject,
): KeyResultView {
  const progress = keyResultRowProgress(kr);
  const object = { ...policy, keyResultOwnerId: kr.ownerId };
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    metric: kr.metric as Metric,
    start: kr.startValue,
    target: kr.targetValue,
    current: kr.currentValue,
    unit: kr.unit,
    weight: kr.weight,
    position: kr.position,
    progress,
    ownerId: kr.ownerId,
    ownerName,
    confidence: kr.confidence,
    lastCheckInAt: kr.lastCheckInAt?.toISOString() ?? null,
    status: suggestedStatus({ progress, expected, confidence: kr.confidence }),
    finalScore: kr.finalScore,
    suggestedScore: suggestedKeyResultScore(progress),
    version: kr.version,
    abilities: abilities(actor, ['keyResult.manage', 'checkIn.create', 'activity.manage'] as const, object),
  };
}

/** An objective with everything its view shows, as one statement reads it (objective-views.ts). */
export interface LoadedObjective extends ObjectiveRecord {
  keyResults: { kr: ShownKeyResult; ownerName: string | null }[];
  supports: string[];
  supportedObjectives: SupportedObjective[];
  supportsKeyResultIds: string[];
  supportedKeyResults: SupportedKeyResult[];
  /** The strategy themes it serves, in the organisation's order. */
  themeIds: string[];
  reflection: ReflectionView | null;
  carriedFrom: CarryLink | null;
  carriedTo: CarryLink[];
}

/** The objective as the actor sees it at `now`: progress, status, scores and abilities. */
export function presentObjective(loaded: LoadedObjective, actor: OrgActor, now: Date): ObjectiveView {
  const { objective, cycle, ownerName } = loaded;
  const { start, end } = cycleBounds(cycle);
  const expected = expectedProgress(start, end, now);
  const policy = objectivePolicyObject(objective, cycle.status);
  const krs = loaded.keyResults.map((r) => presentKeyResult(r.kr, r.ownerName, expected, actor, policy));
  const progress = objectiveProgress(krs);
  const confidences = krs.map((kr) => kr.confidence).filter((c): c is number => c !== null);
  const confidence = confidences.length
    ? Math.round((confidences.reduce((a, b) => a + b, 0) / confidences.length) * 10) / 10
    : null;
  const suggested = suggestedStatus({
    progress,
    expected,
    confidence: confidences.length ? Math.min(...confidences) : null,
  });
  const supporters = objective.supporterCount;
  return {
    id: objective.id,
    orgId: objective.orgId,
    cycleId: objective.cycleId,
    level: objective.level as ObjectiveLevel,
    ownerId: objective.unitId ?? objective.personId ?? objective.orgId,
    ownerName,
    unitId: objective.unitId,
    personId: objective.personId,
    title: objective.title,
    description: objective.description,
    kind: objective.kind as ObjectiveKind,
    visibility: objective.visibility as Visibility,
    lifecycle: objective.lifecycle as Lifecycle,
    progress,
    expectedProgress: expected,
    status: (objective.status as Status | null) ?? suggested,
    suggestedStatus: suggested,
    statusIsExplicit: objective.status !== null,
    confidence,
    finalScore: objective.finalScore,
    scoreBand: objective.finalScore === null ? null : scoreBand(objective.finalScore),
    suggestedScore: suggestedObjectiveScore(krs),
    reflection: loaded.reflection,
    carriedFrom: loaded.carriedFrom,
    carriedTo: loaded.carriedTo,
    supports: loaded.supports,
    supportedObjectives: loaded.supportedObjectives,
    supportsKeyResultIds: loaded.supportsKeyResultIds,
    supportedKeyResults: loaded.supportedKeyResults,
    themeIds: loaded.themeIds,
    // Kept current on write by the database (migration 0006): live, published, public
    // supporters; their progress does not change this objective's own.
    supportedBy: {
      count: supporters,
      progress: supporters ? objective.supporterProgressSum / supporters : null,
    },
    keyResults: krs,
    version: objective.version,
    doneAt: objective.doneAt?.toISOString() ?? null,
    archivedAt: objective.archivedAt?.toISOString() ?? null,
    createdAt: objective.createdAt.toISOString(),
    updatedAt: objective.updatedAt.toISOString(),
    abilities: {
      ...abilities(
        actor,
        ['objective.update', 'objective.archive', 'keyResult.manage', 'objective.score'] as const,
        policy,
      ),
      'objective.carryOver': can(actor, 'objective.create', { ...policy, cycleClosed: false }),
    },
  };
}
