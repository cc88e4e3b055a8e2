import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { setArchived } from '../archive.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { viewObjective } from './get-objective.ts';
import { loadObjective } from './owner-context.ts';
import type { ObjectiveView } from './present.ts';

export async function archiveObjective(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    const { policy } = await loadObjective(tx, actor.orgId, id, true);
    if (!can(actor, 'objective.archive', policy)) throw forbidden();
    await setArchived(tx, actor, 'objective', id, true, deps.now());
  });
}

export async function restoreObjective(deps: AppDeps, caller: Caller, id: string): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    if (!can(actor, 'archive.restore')) throw forbidden();
    await setArchived(tx, actor, 'objective', id, false, deps.now());
    return viewObjective(tx, actor, id, deps.now());
  });
}
