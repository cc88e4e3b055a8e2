// Checking in progress: a new value with a confidence and a note. The key result's
// current value, confidence and time of last check-in follow in the same transaction.
import { and, desc, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import { accounts, checkIns, keyResults } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { decodeCursor, keysetAfter, pageSize, toPage, type Page, type PageRequest } from '../pagination.ts';
import { loadKeyResult } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { assertObjectiveReadable } from '../objectives/get-objective.ts';
import { viewKeyResult } from '../key-results/view-key-result.ts';

export interface CheckInInput {
  value: number;
  confidence: number;
  note?: string;
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

const present = (row: typeof checkIns.$inferSelect, authorName: string | null): CheckInView => ({
  id: row.id,
  keyResultId: row.keyResultId,
  authorId: row.authorId,
  authorName,
  value: row.value,
  confidence: row.confidence,
  note: row.note,
  createdAt: row.createdAt.toISOString(),
});

export async function checkIn(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: CheckInInput,
): Promise<CheckInView & { keyResult: KeyResultView }> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', keyResultId);
    // The lock orders concurrent check-ins, so "current" is always the latest one.
    const { keyResult, policy } = await loadKeyResult(tx, actor.orgId, keyResultId, true);
    if (keyResult.archivedAt) throw notFound('keyResult');
    if (!can(actor, 'checkIn.create', policy)) throw forbidden();
    const now = deps.now();
    const [row] = await tx
      .insert(checkIns)
      .values({
        orgId: actor.orgId,
        keyResultId,
        authorId: caller.accountId,
        value: input.value,
        confidence: input.confidence,
        note: input.note ?? '',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx
      .update(keyResults)
      .set({
        currentValue: input.value,
        confidence: input.confidence,
        lastCheckInAt: now,
        version: keyResult.version + 1,
        updatedAt: now,
      })
      .where(eq(keyResults.id, keyResultId));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'checkIn.create',
      entityType: 'keyResult',
      entityId: keyResultId,
      before: { current: keyResult.currentValue, confidence: keyResult.confidence },
      after: { current: input.value, confidence: input.confidence, checkInId: row.id },
    });
    const [author] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, caller.accountId));
    return { ...present(row, author?.name ?? null), keyResult: await viewKeyResult(tx, actor, keyResultId, now) };
  });
}

/** A key result's check-ins, newest first. */
export async function listCheckIns(
  deps: AppDeps,
  caller: Caller,
  keyResultId: string,
  input: PageRequest,
): Promise<Page<CheckInView>> {
  const actor = await actorForResource(deps.db, caller, 'keyResult', keyResultId);
  const { keyResult } = await loadKeyResult(deps.db, actor.orgId, keyResultId);
  await assertObjectiveReadable(deps.db, actor, keyResult.objectiveId);
  const limit = pageSize(input);
  let after;
  if (input.cursor) {
    const [createdAt, id] = decodeCursor(input.cursor, ['string', 'string']) as [string, string];
    after = keysetAfter(checkIns.createdAt, checkIns.id, createdAt, id, 'desc');
  }
  const rows = await deps.db
    .select({ checkIn: checkIns, authorName: accounts.name })
    .from(checkIns)
    .leftJoin(accounts, eq(accounts.id, checkIns.authorId))
    .where(and(eq(checkIns.orgId, actor.orgId), eq(checkIns.keyResultId, keyResultId), after))
    .orderBy(desc(checkIns.createdAt), desc(checkIns.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (r) => present(r.checkIn, r.authorName),
    (r) => [r.checkIn.createdAt.toISOString(), r.checkIn.id],
  );
}
