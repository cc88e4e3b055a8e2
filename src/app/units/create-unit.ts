import { can } from '../../core/policy.ts';
import type { UnitKind } from '../../core/domain.ts';
import { units } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertUsableParent } from './unit-tree.ts';
import { loadUnitDetail, type UnitDetailView } from './unit-view.ts';
import { forgetActors, forgetCadences } from '../caches.ts';

export interface CreateUnitInput {
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  vision?: string;
  mission?: string;
  /** Days between check-ins; null or absent to follow the unit above. */
  checkInCadenceDays?: number | null;
}

export async function createUnit(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: CreateUnitInput,
): Promise<UnitDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'unit.create')) throw forbidden();
    const parentId = input.parentId ?? null;
    if (parentId !== null) await assertUsableParent(tx, actor.orgId, parentId, '/body/parentId');
    const now = deps.now();
    const [row] = await tx
      .insert(units)
      .values({
        orgId: actor.orgId,
        parentId,
        name: input.name.trim(),
        kind: input.kind,
        vision: input.vision ?? '',
        mission: input.mission ?? '',
        checkInCadenceDays: input.checkInCadenceDays ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'unit.create',
      entityType: 'unit',
      entityId: row.id,
      after: row,
    });
    return loadUnitDetail(tx, actor, row.id);
  }).finally(() => {
    forgetActors(deps);
    forgetCadences(deps);
  });
}
