import { can } from '../../core/policy.ts';
import type { CREATABLE_CYCLE_STATUSES } from '../../core/cycle-lifecycle.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorInOrg, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCycles } from '../caches.ts';
import type { Tx } from '../../db/connect.ts';
import { assertCycleNameFree } from './cycle-names.ts';
import { assertDatesOrdered, assertUsableParent } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';

export interface CreateCycleInput {
  name: string;
  startsOn: string;
  endsOn: string;
  /** Closed only through the close command, which scores the cycle. */
  status?: (typeof CREATABLE_CYCLE_STATUSES)[number];
  parentId?: string | null;
}

export async function createCycle(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: CreateCycleInput,
): Promise<CycleDetailView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    assertDatesOrdered(input.startsOn, input.endsOn);
    await takeTurnInOrg(tx, actor.orgId);
    await assertCycleNameFree(tx, actor.orgId, input.name, '/body/name');
    return insertCycle(deps, tx, actor, caller.accountId, input);
  }).finally(() => forgetCycles(deps));
}

/** A new cycle, once its name is known to be free (the caller took its turn in the organisation); audited. */
export async function insertCycle(
  deps: AppDeps,
  tx: Tx,
  actor: OrgActor,
  actorId: string,
  input: CreateCycleInput,
): Promise<CycleDetailView> {
  const parentId = input.parentId ?? null;
  if (parentId !== null) await assertUsableParent(tx, actor.orgId, parentId, input, { parentGiven: true });
  const now = deps.now();
  const [row] = await tx
    .insert(cycles)
    .values({
      orgId: actor.orgId,
      parentId,
      name: input.name.trim(),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: input.status ?? 'planning',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await recordAudit(tx, {
    orgId: actor.orgId,
    actorId,
    action: 'cycle.create',
    entityType: 'cycle',
    entityId: row.id,
    after: row,
  });
  return presentCycleDetail(row, actor);
}
