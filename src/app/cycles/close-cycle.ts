// Closing a cycle makes its OKRs the record: only owners' scores and reflections (and
// admins) may change them afterwards. Reopening undoes the lock, not the scores.
import { and, eq } from 'drizzle-orm';
import { cycleTransition } from '../../core/cycle-lifecycle.ts';
import type { CycleStatus } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import type { Tx } from '../../db/connect.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCycles } from '../caches.ts';
import { assertVersion } from '../versioning.ts';
import { findCycle } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';
import { fillSuggestedScores } from './suggest-scores.ts';
import { emitWebhookEvents } from '../webhooks/emit.ts';
import { postCycleClosedToChannels } from '../chat/post-cycle-closed.ts';

export async function closeCycle(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<CycleDetailView & { scored: { objectives: number; keyResults: number } }> {
  return moveCycle(deps, caller, id, version, 'closed', async (tx, orgId, cycleId, now) => ({
    set: { closedAt: now, closedBy: caller.accountId },
    outcome: { scored: await fillSuggestedScores(tx, orgId, cycleId, caller.accountId, now) },
  }));
}

export async function reopenCycle(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<CycleDetailView> {
  // The scores stay: they are the owners' work, and closing again fills in only what is missing.
  return moveCycle(deps, caller, id, version, 'active', async () => ({
    set: { closedAt: null, closedBy: null },
    outcome: {},
  }));
}

/** One status change, audited: `change` does its own work first and says what else to set. */
async function moveCycle<Outcome extends object>(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  to: 'closed' | 'active',
  change: (
    tx: Tx,
    orgId: string,
    cycleId: string,
    now: Date,
  ) => Promise<{ set: Pick<typeof cycles.$inferInsert, 'closedAt' | 'closedBy'>; outcome: Outcome }>,
): Promise<CycleDetailView & Outcome> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'cycle', id);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    const before = await findCycle(tx, actor.orgId, id, true);
    assertVersion(before.version, version);
    assertTransition(before.status as CycleStatus, to);
    const now = deps.now();
    const { set, outcome } = await change(tx, actor.orgId, before.id, now);
    const [after] = await tx
      .update(cycles)
      .set({ ...set, status: to, version: before.version + 1, updatedAt: now })
      .where(and(eq(cycles.id, before.id), eq(cycles.orgId, actor.orgId)))
      .returning();
    if (!after) throw notFound('cycle');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: to === 'closed' ? 'cycle.close' : 'cycle.reopen',
      entityType: 'cycle',
      entityId: after.id,
      before,
      after: { ...after, ...outcome },
    });
    const view = { ...presentCycleDetail(after, actor), ...outcome };
    if (to === 'closed') {
      await emitWebhookEvents(deps, tx, actor.orgId, 'cycle.closed', [view], now);
      await postCycleClosedToChannels(deps, tx, actor.orgId, after.id, now);
    }
    return view;
  }).finally(() => forgetCycles(deps));
}

/** Only an active cycle closes, and only a closed one reopens. */
function assertTransition(from: CycleStatus, to: 'closed' | 'active'): void {
  if (cycleTransition(from, to) !== null) return;
  throw new AppError('conflict', to === 'closed' ? 'cycle_not_active' : 'cycle_not_closed');
}
