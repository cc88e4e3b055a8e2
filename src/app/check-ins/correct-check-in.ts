// A wrong check-in put right by its author within a day (core/check-in-correction.ts): its
// figures or note corrected, or the check-in removed. Each in one transaction, audited,
// with the key result's copy of its latest check-in brought up to date, so the objective's
// figures follow (the database's triggers, migration 0006) and every page agrees.
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { correctionRefusal } from '../../core/check-in-correction.ts';
import { can } from '../../core/policy.ts';
import { cycleBounds, expectedProgress } from '../../core/progress.ts';
import type { Tx } from '../../db/connect.ts';
import { queryRows } from '../../db/raw.ts';
import { accounts, checkIns, cycles, keyResults, objectives } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { presentKeyResult } from '../objectives/present.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { presentCheckIn, type CheckInInput, type RecordedCheckIn } from './record-check-ins.ts';

const author = alias(accounts, 'author');
const owner = alias(accounts, 'owner');

/** The caller's own check-in, still theirs to correct, with its key result locked (as check-ins lock it). */
async function loadOwnCheckIn(tx: Tx, caller: Caller, id: string, version: number, now: Date) {
  const actor = await actorForResource(tx, caller, 'checkIn', id);
  const [row] = await tx
    .select({
      checkIn: checkIns,
      authorName: author.name,
      kr: keyResults,
      objective: objectives,
      cycle: cycles,
      ownerName: owner.name,
    })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(author, eq(author.id, checkIns.authorId))
    .leftJoin(owner, eq(owner.id, keyResults.ownerId))
    .where(and(eq(checkIns.orgId, actor.orgId), eq(checkIns.id, id)))
    .for('update', { of: [keyResults, checkIns] });
  if (!row || row.kr.archivedAt || row.objective.archivedAt) throw notFound('checkIn');
  const policy = { ...objectivePolicyObject(row.objective, row.cycle.status), keyResultOwnerId: row.kr.ownerId };
  const refusal = correctionRefusal(row.checkIn, actor.accountId, now);
  if (refusal === 'check_in_not_yours') throw new AppError('forbidden', refusal);
  if (refusal) throw new AppError('conflict', refusal);
  // Only while its author may still check in on the key result (not in a closed cycle).
  if (!can(actor, 'checkIn.create', policy)) throw forbidden();
  assertVersion(row.checkIn.version, version);
  return { actor, row, policy };
}

interface LatestCopy {
  current_value: number;
  confidence: number | null;
  last_check_in_at: Date | null;
  version: number;
}

/**
 * The key result's copy of its latest check-in, brought up to date from its check-ins: the
 * newest left, or without any, what the key result was before the removed one was made (its
 * audit event says). Written only when it changes, so that the key result's version (and
 * whoever is editing it) moves only then. Null when nothing changed.
 */
async function refreshLatestCopy(
  tx: Tx,
  orgId: string,
  keyResultId: string,
  removedId: string | null,
  now: Date,
): Promise<LatestCopy | null> {
  const [row] = await queryRows<LatestCopy>(
    tx,
    sql`
    with latest as (
      select c.value, c.confidence, c.created_at from check_ins c
       where c.org_id = ${orgId} and c.key_result_id = ${keyResultId}
       order by c.created_at desc, c.id desc limit 1
    ), prior as (
      select (a.before ->> 'current')::double precision as value, (a.before ->> 'confidence')::smallint as confidence
        from audit_events a
       where a.org_id = ${orgId} and a.entity_type = 'keyResult' and a.entity_id = ${keyResultId}
         and a.action = 'checkIn.create' and a.after ->> 'checkInId' = ${removedId ?? ''}
       limit 1
    ), copy as (
      select coalesce((select value from latest), (select value from prior), k.start_value) as value,
             case when exists (select 1 from latest) then (select confidence from latest)
                  else (select confidence from prior) end as confidence,
             (select created_at from latest) as at
        from key_results k where k.id = ${keyResultId}
    )
    update key_results k
       set current_value = copy.value, confidence = copy.confidence, last_check_in_at = copy.at,
           version = k.version + 1, updated_at = ${now.toISOString()}::timestamptz
      from copy
     where k.id = ${keyResultId} and k.org_id = ${orgId}
       and (k.current_value, k.confidence, k.last_check_in_at) is distinct from (copy.value, copy.confidence, copy.at)
    returning k.current_value, k.confidence, k.last_check_in_at, k.version`,
  );
  return row ?? null;
}

/** Corrects the caller's own check-in (only the fields given), at the version they saw. */
export async function correctCheckIn(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: Partial<CheckInInput>,
): Promise<RecordedCheckIn> {
  return inTransaction(deps, async (tx) => {
    const now = deps.now();
    const { actor, row, policy } = await loadOwnCheckIn(tx, caller, id, version, now);
    const [corrected] = await tx
      .update(checkIns)
      .set({ ...definedFields(input), version: row.checkIn.version + 1, correctedAt: now })
      .where(and(eq(checkIns.orgId, actor.orgId), eq(checkIns.id, id)))
      .returning();
    if (!corrected) throw notFound('checkIn');
    const copy = await refreshLatestCopy(tx, actor.orgId, row.kr.id, null, now);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.accountId,
      action: 'checkIn.update',
      entityType: 'keyResult',
      entityId: row.kr.id,
      objectiveId: row.objective.id,
      unitId: row.objective.unitId,
      before: {
        current: row.checkIn.value,
        confidence: row.checkIn.confidence,
        note: row.checkIn.note,
        blocker: row.checkIn.blocker,
        checkInId: id,
      },
      after: {
        current: corrected.value,
        confidence: corrected.confidence,
        note: corrected.note,
        blocker: corrected.blocker,
        checkInId: id,
      },
    });
    const kr = copy
      ? {
          ...row.kr,
          currentValue: copy.current_value,
          confidence: copy.confidence,
          lastCheckInAt: copy.last_check_in_at && new Date(copy.last_check_in_at),
          version: copy.version,
          updatedAt: now,
        }
      : row.kr;
    const { start, end } = cycleBounds(row.cycle);
    return {
      ...presentCheckIn(corrected, row.authorName, actor, policy, now),
      keyResult: presentKeyResult(kr, row.ownerName, expectedProgress(start, end, now), actor, policy),
    };
  });
}

/** Removes the caller's own check-in, at the version they saw. */
export async function removeCheckIn(deps: AppDeps, caller: Caller, id: string, version: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const now = deps.now();
    const { actor, row } = await loadOwnCheckIn(tx, caller, id, version, now);
    await tx.delete(checkIns).where(and(eq(checkIns.orgId, actor.orgId), eq(checkIns.id, id)));
    await refreshLatestCopy(tx, actor.orgId, row.kr.id, id, now);
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: actor.accountId,
      action: 'checkIn.delete',
      entityType: 'keyResult',
      entityId: row.kr.id,
      objectiveId: row.objective.id,
      unitId: row.objective.unitId,
      before: { current: row.checkIn.value, confidence: row.checkIn.confidence, note: row.checkIn.note, checkInId: id },
    });
  });
}
