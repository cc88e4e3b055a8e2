import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { CycleStatus } from '../../core/domain.ts';
import { cycleTransition } from '../../core/cycle-lifecycle.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCycles } from '../caches.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { assertCycleNameFree, sameCycleName } from './cycle-names.ts';
import { assertContainsChildren, assertDatesOrdered, assertUsableParent, findCycle } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';

export interface UpdateCycleInput {
  name?: string;
  startsOn?: string;
  endsOn?: string;
  status?: CycleStatus;
  /** `null` makes it a top-level cycle. */
  parentId?: string | null;
}

export async function updateCycle(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: UpdateCycleInput,
): Promise<CycleDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'cycle', id);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    // Moves and renames take turns (before any cycle is locked), so two crossing moves cannot
    // build a loop and two renames cannot take the same name.
    if (input.parentId !== undefined || input.name !== undefined) await takeTurnInOrg(tx, actor.orgId);
    const before = await findCycle(tx, actor.orgId, id, true);
    assertVersion(before.version, version);
    // Only a new name is checked: cycles named alike before names were unique stay editable.
    if (input.name !== undefined && sameCycleName(input.name) !== sameCycleName(before.name))
      await assertCycleNameFree(tx, actor.orgId, input.name, '/body/name', before.id);
    if (input.status !== undefined) assertPlainTransition(before.status as CycleStatus, input.status);
    const dates = { startsOn: input.startsOn ?? before.startsOn, endsOn: input.endsOn ?? before.endsOn };
    assertDatesOrdered(dates.startsOn, dates.endsOn, input.endsOn === undefined);
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    const datesChanged = dates.startsOn !== before.startsOn || dates.endsOn !== before.endsOn;
    if (parentId !== null && (parentId !== before.parentId || datesChanged)) {
      await assertUsableParent(tx, actor.orgId, parentId, dates, {
        selfId: before.id,
        parentGiven: input.parentId !== undefined,
      });
    }
    if (datesChanged) await assertContainsChildren(tx, actor.orgId, before.id, dates);

    const patch = definedFields({ ...input, name: input.name?.trim() });
    const [after] = await tx
      .update(cycles)
      .set({ ...patch, version: before.version + 1, updatedAt: deps.now() })
      .where(and(eq(cycles.id, before.id), eq(cycles.orgId, actor.orgId)))
      .returning();
    if (!after) throw notFound('cycle');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'cycle.update',
      entityType: 'cycle',
      entityId: after.id,
      before,
      after,
    });
    return presentCycleDetail(after, actor);
  }).finally(() => forgetCycles(deps));
}

/**
 * A plain edit moves a cycle only between planning and active: closing scores its OKRs and
 * reopening unlocks them, so each has its own command (close-cycle.ts).
 */
function assertPlainTransition(from: CycleStatus, to: CycleStatus): void {
  if (from === to) return;
  const move = cycleTransition(from, to);
  if (move === 'close') throw invalid('/body/status', 'cycle_close_command');
  if (move === 'reopen') throw invalid('/body/status', 'cycle_reopen_command');
  if (move === null) throw invalid('/body/status', 'cycle_transition');
}
