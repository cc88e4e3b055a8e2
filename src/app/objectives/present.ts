// Objectives and key results as the API shows them: with progress, expected progress,
// suggested status and what the caller may do. Loads everything for a page of objectives
// in a fixed number of statements, whatever the page size (no query per row).
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Metric, ObjectiveKind, ObjectiveLevel, Lifecycle, Status, Visibility } from '../../core/domain.ts';
import { abilities, can, type PolicyObject } from '../../core/policy.ts';
import { expectedProgress, keyResultProgress, objectiveProgress } from '../../core/progress.ts';
import { scoreBand, suggestedStatus, type ScoreBand } from '../../core/status.ts';
import { suggestedKeyResultScore, suggestedObjectiveScore } from '../../core/scoring.ts';
import type { Queryable } from '../../db/connect.ts';
import { accounts, alignments, cycles, keyResults, objectives, reflections } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';
import { objectivePolicyObject, type KeyResultRow, type ObjectiveRow } from './owner-context.ts';
import { readableBy } from './records.ts';

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
  supports: string[];
  supportedBy: { count: number; progress: number | null };
  keyResults: KeyResultView[];
  version: number;
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

/** An objective row with what the list query joins to it. */
export interface ObjectiveRecord {
  objective: ObjectiveRow;
  cycle: CycleDates;
  ownerName: string;
}

export const cycleBounds = (cycle: CycleDates) => ({
  start: new Date(`${cycle.startsOn}T00:00:00Z`),
  // The cycle's last day counts in full.
  end: new Date(new Date(`${cycle.endsOn}T00:00:00Z`).getTime() + 86_400_000),
});

/** A stored key result's progress from its start towards its target. */
export const keyResultRowProgress = (kr: KeyResultRow): number =>
  keyResultProgress({
    metric: kr.metric as Metric,
    start: kr.startValue,
    target: kr.targetValue,
    current: kr.currentValue,
  });

/** An objective's progress from its stored key results, by their weights. */
export const objectiveRowProgress = (krs: KeyResultRow[]): number =>
  objectiveProgress(krs.map((kr) => ({ weight: kr.weight, progress: keyResultRowProgress(kr) })));

export function presentKeyResult(
  kr: KeyResultRow,
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

/** Loads key results, alignment links and supporters for the records, then presents them. */
export async function presentObjectives(
  q: Queryable,
  actor: OrgActor,
  records: ObjectiveRecord[],
  now: Date,
): Promise<ObjectiveView[]> {
  if (records.length === 0) return [];
  const ids = records.map((r) => r.objective.id);

  // One after another: inside a transaction they share one connection anyway.
  const krRows = await q
    .select({ kr: keyResults, ownerName: accounts.name })
    .from(keyResults)
    .leftJoin(accounts, eq(accounts.id, keyResults.ownerId))
    .where(and(eq(keyResults.orgId, actor.orgId), inArray(keyResults.objectiveId, ids), isNull(keyResults.archivedAt)))
    .orderBy(keyResults.position, keyResults.createdAt, keyResults.id);
  const supportRows = await q
    .select({ objectiveId: alignments.objectiveId, supportsId: alignments.supportsId })
    .from(alignments)
    .innerJoin(objectives, eq(objectives.id, alignments.supportsId))
    .where(and(eq(alignments.orgId, actor.orgId), inArray(alignments.objectiveId, ids), isNull(objectives.archivedAt)));
  // Supporters' key results, to show "supported by 4 objectives, 62 %" beside each
  // objective's own progress (which they do not change).
  const supporterRows = await q
    .select({
      supportsId: alignments.supportsId,
      objectiveId: objectives.id,
      metric: keyResults.metric,
      start: keyResults.startValue,
      target: keyResults.targetValue,
      current: keyResults.currentValue,
      weight: keyResults.weight,
    })
    .from(alignments)
    .innerJoin(objectives, eq(objectives.id, alignments.objectiveId))
    // org_id first, so the join uses the (org_id, objective_id) index.
    .leftJoin(
      keyResults,
      and(eq(keyResults.orgId, actor.orgId), eq(keyResults.objectiveId, objectives.id), isNull(keyResults.archivedAt)),
    )
    .where(
      and(
        eq(alignments.orgId, actor.orgId),
        inArray(alignments.supportsId, ids),
        isNull(objectives.archivedAt),
        ne(objectives.lifecycle, 'draft'),
        eq(objectives.visibility, 'public'),
      ),
    );

  const reflectionRows = await q
    .select()
    .from(reflections)
    .where(and(eq(reflections.orgId, actor.orgId), inArray(reflections.objectiveId, ids)));
  // Both ends of carry-overs, in one statement; only objectives the caller may read.
  const fromIds = [...new Set(records.flatMap((r) => (r.objective.carriedFromId ? [r.objective.carriedFromId] : [])))];
  const carryRows = await q
    .select({
      id: objectives.id,
      title: objectives.title,
      carriedFromId: objectives.carriedFromId,
      cycleId: objectives.cycleId,
      cycleName: cycles.name,
    })
    .from(objectives)
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(
      and(
        eq(objectives.orgId, actor.orgId),
        fromIds.length
          ? or(inArray(objectives.id, fromIds), inArray(objectives.carriedFromId, ids))
          : inArray(objectives.carriedFromId, ids),
        isNull(objectives.archivedAt),
        readableBy(actor),
      ),
    )
    .orderBy(objectives.createdAt, objectives.id);

  const krsByObjective = groupBy(krRows, (r) => r.kr.objectiveId);
  const reflectionByObjective = new Map(reflectionRows.map((r) => [r.objectiveId, r]));
  const carryLink = (row: (typeof carryRows)[number]): CarryLink => ({
    id: row.id,
    title: row.title,
    cycleId: row.cycleId,
    cycleName: row.cycleName,
  });
  const carriedById = new Map(carryRows.map((r) => [r.id, carryLink(r)]));
  const carriedTo = groupBy(
    carryRows.filter((r) => r.carriedFromId !== null),
    (r) => r.carriedFromId ?? '',
  );
  const supportsByObjective = groupBy(supportRows, (r) => r.objectiveId);
  const supporters = new Map<string, Map<string, { progress: number; weight: number }[]>>();
  for (const row of supporterRows) {
    const bySupporter = supporters.get(row.supportsId) ?? new Map<string, { progress: number; weight: number }[]>();
    supporters.set(row.supportsId, bySupporter);
    const krs = bySupporter.get(row.objectiveId) ?? [];
    bySupporter.set(row.objectiveId, krs);
    if (
      row.metric !== null &&
      row.start !== null &&
      row.target !== null &&
      row.current !== null &&
      row.weight !== null
    ) {
      krs.push({
        progress: keyResultProgress({
          metric: row.metric as Metric,
          start: row.start,
          target: row.target,
          current: row.current,
        }),
        weight: row.weight,
      });
    }
  }

  return records.map(({ objective, cycle, ownerName }) => {
    const { start, end } = cycleBounds(cycle);
    const expected = expectedProgress(start, end, now);
    const policy = objectivePolicyObject(objective, cycle.status);
    const krs = (krsByObjective.get(objective.id) ?? []).map((r) =>
      presentKeyResult(r.kr, r.ownerName, expected, actor, policy),
    );
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
    const supporting = [...(supporters.get(objective.id)?.values() ?? [])].map((list) => objectiveProgress(list));
    const reflection = reflectionByObjective.get(objective.id);
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
      reflection: reflection
        ? {
            wentWell: reflection.wentWell,
            learned: reflection.learned,
            changeNext: reflection.changeNext,
            updatedAt: reflection.updatedAt.toISOString(),
          }
        : null,
      carriedFrom: (objective.carriedFromId && carriedById.get(objective.carriedFromId)) || null,
      carriedTo: (carriedTo.get(objective.id) ?? []).map(carryLink),
      supports: (supportsByObjective.get(objective.id) ?? []).map((s) => s.supportsId),
      supportedBy: {
        count: supporting.length,
        progress: supporting.length ? supporting.reduce((a, b) => a + b, 0) / supporting.length : null,
      },
      keyResults: krs,
      version: objective.version,
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
  });
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
