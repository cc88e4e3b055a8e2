import { and, eq } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { UnitKind } from '../../core/domain.ts';
import { units } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource, type OrgActor } from '../scope.ts';
import type { Tx } from '../../db/connect.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { assertNotArchived, assertUsableParent, findUnit, isWithin } from './unit-tree.ts';
import { loadUnitDetail, type UnitDetailView } from './unit-view.ts';
import { forgetActors, forgetCadences } from '../caches.ts';

export interface UpdateUnitInput {
  name?: string;
  kind?: UnitKind;
  vision?: string;
  mission?: string;
  /** `null` moves the unit to the top of the tree. */
  parentId?: string | null;
  /** `null` follows the unit above (or the organisation) again. */
  checkInCadenceDays?: number | null;
}

/**
 * Moving a unit changes two places in the tree, so the caller must be allowed at both:
 * a lead may move a unit they lead only under another unit they lead; only those who
 * may create top-level units (admins) may move one to the top.
 */
async function assertMovable(tx: Tx, actor: OrgActor, unitId: string, parentId: string | null): Promise<void> {
  if (parentId === null) {
    if (!can(actor, 'unit.create')) throw forbidden();
    return;
  }
  await assertUsableParent(tx, actor.orgId, parentId, '/body/parentId');
  if (!can(actor, 'unit.update', { unitId: parentId })) throw forbidden();
  if (await isWithin(tx, actor.orgId, unitId, parentId)) throw invalid('/body/parentId', 'unit_loop');
}

export async function updateUnit(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: UpdateUnitInput,
): Promise<UnitDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'unit', id);
    if (!can(actor, 'unit.update', { unitId: id })) throw forbidden();
    // Moves in one organisation take turns (before any unit is locked), so two crossing
    // moves cannot build a loop that neither of them sees on its own.
    if (input.parentId !== undefined) await takeTurnInOrg(tx, actor.orgId);
    const before = await findUnit(tx, actor.orgId, id, true);
    assertNotArchived(before);
    assertVersion(before.version, version);
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      await assertMovable(tx, actor, before.id, input.parentId);
    }
    const patch = definedFields({ ...input, name: input.name?.trim() });
    const [after] = await tx
      .update(units)
      .set({ ...patch, version: before.version + 1, updatedAt: deps.now() })
      .where(and(eq(units.id, before.id), eq(units.orgId, actor.orgId)))
      .returning();
    if (!after) throw notFound('unit');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.update',
      entityType: 'unit',
      entityId: after.id,
      before,
      after,
    });
    return loadUnitDetail(tx, actor, after.id);
  }).finally(() => {
    forgetActors(deps);
    forgetCadences(deps);
  });
}
