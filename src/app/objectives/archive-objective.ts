import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { restoreRow, setArchived } from '../archive/set-archived.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { viewObjective } from './get-objective.ts';
import { loadObjective } from './owner-context.ts';
import type { ObjectiveView } from './present.ts';

/** Archives the objective; answers its new version, which an undo names in If-Match. */
export async function archiveObjective(deps: AppDeps, caller: Caller, id: string): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    const { policy } = await loadObjective(tx, actor.orgId, id, true);
    if (!can(actor, 'objective.archive', policy)) throw forbidden();
    return setArchived(tx, actor, 'objective', id, true, deps.now());
  });
}

/** Whoever may archive the objective may bring it back (the undo of their own archiving). */
export async function restoreObjective(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<ObjectiveView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', id);
    const { objective, policy } = await loadObjective(tx, actor.orgId, id, true);
    if (!can(actor, 'objective.archive', policy)) throw forbidden();
    await restoreRow(tx, actor, 'objective', objective, version, deps.now());
    return viewObjective(tx, actor, id, deps.now());
  });
}
