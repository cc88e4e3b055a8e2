// Scoring and reflecting: the owners' last word on an objective, and the one change they
// may still make once its cycle is closed (policy action objective.score). The objective's
// score follows its key results' until someone sets another (followedScore).
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { keyResults, objectives, reflections } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource, type OrgActor } from '../scope.ts';
import type { Tx } from '../../db/connect.ts';
import { suggestedObjectiveScore } from '../../core/scoring.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion } from '../versioning.ts';
import { assertObjectiveReadable, viewObjective } from './get-objective.ts';
import { loadObjective } from './owner-context.ts';
import { setFinalScores } from '../cycles/suggest-scores.ts';
import type { ObjectiveView } from './present.ts';

export interface ReflectionInput {
  wentWell: string;
  learned: string;
  changeNext: string;
}

export interface ScoreObjectiveInput {
  /** The objective's final score 0–1; null takes it back. */
  finalScore?: number | null;
  /** Final scores of some or all of its key results. */
  keyResults?: { id: string; finalScore: number | null }[];
  reflection?: ReflectionInput;
}

export async function scoreObjective(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: ScoreObjectiveInput,
): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    await assertObjectiveReadable(tx, actor, id);
    const { objective: before, policy } = await loadObjective(tx, actor.orgId, id, true);
    if (before.archivedAt) throw notFound('objective');
    if (!can(actor, 'objective.score', policy)) throw forbidden();
    assertVersion(before.version, version);
    const now = deps.now();

    const scores = input.keyResults ?? [];
    const seen = new Set<string>();
    scores.forEach((kr, index) => {
      if (seen.has(kr.id)) throw invalid(`/body/keyResults/${index}/id`, 'key_result_repeated');
      seen.add(kr.id);
    });
    const krBefore = scores.length
      ? await tx
          .select({ id: keyResults.id, finalScore: keyResults.finalScore })
          .from(keyResults)
          .where(
            and(
              eq(keyResults.orgId, actor.orgId),
              eq(keyResults.objectiveId, id),
              inArray(keyResults.id, [...seen]),
              isNull(keyResults.archivedAt),
            ),
          )
          .for('update')
      : [];
    const known = new Set(krBefore.map((kr) => kr.id));
    const unknown = scores.findIndex((kr) => !known.has(kr.id));
    if (unknown >= 0) throw invalid(`/body/keyResults/${unknown}/id`, 'unknown_reference');
    const changed = scores.filter((kr) => krBefore.find((b) => b.id === kr.id)?.finalScore !== kr.finalScore);
    const followed = input.finalScore === undefined ? await followedScore(tx, actor, before, changed, now) : undefined;
    // One statement for all of them; only the scores that change get a new version.
    await setFinalScores(
      tx,
      'key_results',
      actor.orgId,
      changed.map((kr) => ({ id: kr.id, score: kr.finalScore })),
      now,
      { onlyMissing: false },
    );

    const [reflectionBefore] = await tx
      .select()
      .from(reflections)
      .where(and(eq(reflections.orgId, actor.orgId), eq(reflections.objectiveId, id)));
    if (input.reflection) {
      const text = trimmed(input.reflection);
      await tx
        .insert(reflections)
        .values({ orgId: actor.orgId, cycleId: before.cycleId, objectiveId: id, authorId: caller.accountId, ...text })
        .onConflictDoUpdate({
          target: [reflections.orgId, reflections.objectiveId],
          set: {
            ...text,
            cycleId: before.cycleId,
            authorId: caller.accountId,
            version: sql`${reflections.version} + 1`,
            updatedAt: now,
          },
        });
    }

    const [after] = await tx
      .update(objectives)
      .set({
        ...(input.finalScore !== undefined
          ? { finalScore: input.finalScore }
          : followed !== undefined
            ? { finalScore: followed }
            : {}),
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(eq(objectives.orgId, actor.orgId), eq(objectives.id, id)))
      .returning();
    if (!after) throw notFound('objective');

    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'objective.score',
      entityType: 'objective',
      entityId: id,
      objectiveId: id,
      unitId: before.unitId,
      before: {
        finalScore: before.finalScore,
        keyResults: krBefore,
        reflection: reflectionBefore ? trimmed(reflectionBefore) : null,
      },
      after: {
        finalScore: after.finalScore,
        keyResults: scores,
        reflection: input.reflection ? trimmed(input.reflection) : reflectionBefore ? trimmed(reflectionBefore) : null,
      },
    });
    return viewObjective(tx, actor, id, now);
  });
}

/**
 * The objective's score moves with its key results' scores for as long as it is the one
 * suggested from them (closing gives it that one): changing a key result's score then
 * changes the objective's too. Once someone gave it another, it stays theirs. Undefined:
 * leave it as it is. Read before the key results' scores change.
 */
async function followedScore(
  tx: Tx,
  actor: OrgActor,
  before: { id: string; finalScore: number | null },
  changed: { id: string; finalScore: number | null }[],
  now: Date,
): Promise<number | undefined> {
  if (changed.length === 0 || before.finalScore === null) return undefined;
  const view = await viewObjective(tx, actor, before.id, now);
  if (view.suggestedScore !== before.finalScore) return undefined;
  const next = new Map(changed.map((kr) => [kr.id, kr.finalScore]));
  return suggestedObjectiveScore(
    view.keyResults.map((kr) => ({
      finalScore: next.has(kr.id) ? (next.get(kr.id) ?? null) : kr.finalScore,
      progress: kr.progress,
      weight: kr.weight,
    })),
  );
}

export const trimmed = (r: ReflectionInput): ReflectionInput => ({
  wentWell: r.wentWell.trim(),
  learned: r.learned.trim(),
  changeNext: r.changeNext.trim(),
});
