// Closing a cycle makes its OKRs the record: only owners' scores and reflections (and
// admins) may change them afterwards. Reopening undoes the lock, not the scores.
import { and, eq } from 'drizzle-orm';
import { cycleTransition } from '../../core/cycle-lifecycle.ts';
import type { CycleStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion } from '../versioning.ts';
import { findCycle } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';
import { fillSuggestedScores } from './suggest-scores.ts';

export async function closeCycle(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<CycleDetailView & { scored: { objectives: number; keyResults: number } }> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'cycle', id);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    const before = await findCycle(tx, actor.orgId, id, true);
    assertVersion(before.version, version);
    assertTransition(before.status as CycleStatus, 'closed');
    const now = deps.now();
    const scored = await fillSuggestedScores(tx, actor.orgId, before.id, caller.accountId, now);
    const [after] = await tx
      .update(cycles)
      .set({ status: 'closed', closedAt: now, closedBy: caller.accountId, version: before.version + 1, updatedAt: now })
      .where(and(eq(cycles.id, before.id), eq(cycles.orgId, actor.orgId)))
      .returning();
    if (!after) throw notFound('cycle');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'cycle.close',
      entityType: 'cycle',
      entityId: after.id,
      before,
      after: { ...after, scored },
    });
    return { ...presentCycleDetail(after, actor), scored };
  });
}

export async function reopenCycle(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<CycleDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'cycle', id);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    const before = await findCycle(tx, actor.orgId, id, true);
    assertVersion(before.version, version);
    assertTransition(before.status as CycleStatus, 'active');
    const now = deps.now();
    // The scores stay: they are the owners' work, and closing again fills in only what is missing.
    const [after] = await tx
      .update(cycles)
      .set({ status: 'active', closedAt: null, closedBy: null, version: before.version + 1, updatedAt: now })
      .where(and(eq(cycles.id, before.id), eq(cycles.orgId, actor.orgId)))
      .returning();
    if (!after) throw notFound('cycle');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'cycle.reopen',
      entityType: 'cycle',
      entityId: after.id,
      before,
      after,
    });
    return presentCycleDetail(after, actor);
  });
}

/** Only an active cycle closes, and only a closed one reopens. */
function assertTransition(from: CycleStatus, to: 'closed' | 'active'): void {
  if (cycleTransition(from, to) !== null) return;
  throw new AppError('conflict', to === 'closed' ? 'cycle_not_active' : 'cycle_not_closed');
}
