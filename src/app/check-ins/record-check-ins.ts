// The one way check-ins are written, for one key result or a whole week's worth: the key
// results are locked in one statement, each is authorised like a single check-in, and the
// check-ins, the key results' copies of their latest check-in and the audit events are each
// written in one statement, so a batch of fifty costs what a batch of one does.
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { can } from '../../core/policy.ts';
import { expectedProgress } from '../../core/progress.ts';
import type { Tx } from '../../db/connect.ts';
import { uuidArray } from '../../db/raw.ts';
import { accounts, auditEvents, checkIns, cycles, keyResults, objectives } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { objectivePolicyObject } from '../objectives/owner-context.ts';
import { cycleBounds, presentKeyResult, type KeyResultView } from '../objectives/present.ts';
import type { OrgActor } from '../scope.ts';

export interface CheckInInput {
  value: number;
  confidence: number;
  note?: string;
}

export interface CheckInItem extends CheckInInput {
  keyResultId: string;
}

export interface CheckInView {
  id: string;
  keyResultId: string;
  authorId: string | null;
  authorName: string | null;
  value: number;
  confidence: number;
  note: string;
  createdAt: string;
}

export type RecordedCheckIn = CheckInView & { keyResult: KeyResultView };

export const presentCheckIn = (row: typeof checkIns.$inferSelect, authorName: string | null): CheckInView => ({
  id: row.id,
  keyResultId: row.keyResultId,
  authorId: row.authorId,
  authorName,
  value: row.value,
  confidence: row.confidence,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Where a problem with one item points. A single check-in names no field (its key result is
 * the address); a batch names the item, e.g. `/body/checkIns/2/keyResultId`.
 */
export type ItemField = (index: number) => string | null;

const owner = alias(accounts, 'owner');

function itemError(code: 'not_found' | 'forbidden' | 'unprocessable', key: string, field: string | null): AppError {
  const title = code === 'not_found' ? 'not_found' : code === 'forbidden' ? 'forbidden' : 'invalid';
  const params: Record<string, string> = code === 'not_found' ? { entity: 'keyResult' } : {};
  return new AppError(code, title, params, field ? [{ field, key }] : []);
}

/** Records the check-ins, in the order given, for the actor; all or nothing (the caller's transaction). */
export async function recordCheckIns(
  tx: Tx,
  actor: OrgActor,
  items: readonly CheckInItem[],
  now: Date,
  fieldOf: ItemField,
): Promise<RecordedCheckIn[]> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    if (seen.has(item.keyResultId)) throw itemError('unprocessable', 'repeated_item', fieldOf(index));
    seen.set(item.keyResultId, index);
  });
  const ids = [...seen.keys()];
  // Locked in id order, so two batches over the same key results queue rather than
  // deadlock, and "current" is always the latest check-in.
  const rows = await tx
    .select({ kr: keyResults, objective: objectives, cycle: cycles, ownerName: owner.name })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .leftJoin(owner, eq(owner.id, keyResults.ownerId))
    .where(and(eq(keyResults.orgId, actor.orgId), sql`${keyResults.id} = any(${uuidArray(ids)})`))
    .orderBy(keyResults.id)
    .for('update', { of: keyResults });
  const byId = new Map(rows.map((row) => [row.kr.id, row]));
  // Problems are reported for the first item that has one, in the order sent.
  const loaded = items.map((item, index) => {
    const row = byId.get(item.keyResultId);
    if (!row || row.kr.archivedAt || row.objective.archivedAt)
      throw itemError('not_found', 'unknown_reference', fieldOf(index));
    const policy = { ...objectivePolicyObject(row.objective, row.cycle.status), keyResultOwnerId: row.kr.ownerId };
    if (!can(actor, 'checkIn.create', policy)) throw itemError('forbidden', 'check_in_not_allowed', fieldOf(index));
    return { item, row, policy };
  });

  const inserted = await tx
    .insert(checkIns)
    .values(
      items.map((item) => ({
        orgId: actor.orgId,
        keyResultId: item.keyResultId,
        authorId: actor.accountId,
        value: item.value,
        confidence: item.confidence,
        note: item.note ?? '',
        createdAt: now,
      })),
    )
    .returning();
  const checkInOf = new Map(inserted.map((row) => [row.keyResultId, row]));

  const latest = JSON.stringify(items.map((i) => ({ id: i.keyResultId, value: i.value, confidence: i.confidence })));
  await tx.execute(sql`
    update key_results k
       set current_value = v.value, confidence = v.confidence, last_check_in_at = ${now.toISOString()}::timestamptz,
           version = k.version + 1, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${latest}::jsonb) as v(id uuid, value double precision, confidence smallint)
     where k.id = v.id and k.org_id = ${actor.orgId}`);

  await tx.insert(auditEvents).values(
    loaded.map(({ item, row }) => ({
      orgId: actor.orgId,
      actorId: actor.accountId,
      action: 'checkIn.create',
      entityType: 'keyResult',
      entityId: item.keyResultId,
      objectiveId: row.objective.id,
      unitId: row.objective.unitId,
      before: { current: row.kr.currentValue, confidence: row.kr.confidence },
      after: { current: item.value, confidence: item.confidence, checkInId: checkInOf.get(item.keyResultId)?.id },
    })),
  );

  const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, actor.accountId));
  return loaded.map(({ item, row, policy }) => {
    const checkIn = checkInOf.get(item.keyResultId);
    if (!checkIn) throw new Error('insert returned no row');
    // The key result as the update above left it, without reading it again.
    const kr = {
      ...row.kr,
      currentValue: item.value,
      confidence: item.confidence,
      lastCheckInAt: now,
      version: row.kr.version + 1,
      updatedAt: now,
    };
    const { start, end } = cycleBounds(row.cycle);
    return {
      ...presentCheckIn(checkIn, author?.name ?? null),
      keyResult: presentKeyResult(kr, row.ownerName, expectedProgress(start, end, now), actor, policy),
    };
  });
}
