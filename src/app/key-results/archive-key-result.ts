import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { restoreRow, setArchived } from '../archive/set-archived.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { loadKeyResult, loadKeyResultToRestore } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { viewKeyResult } from './view-key-result.ts';

/** Archives the key result; answers its new version, which an undo names in If-Match. */
export async function archiveKeyResult(deps: AppDeps, caller: Caller, id: string): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', id);
    const { policy } = await loadKeyResult(tx, actor.orgId, id, true);
    if (!can(actor, 'keyResult.manage', policy)) throw forbidden();
    return setArchived(tx, actor, 'keyResult', id, true, deps.now());
  });
}

/**
 * Whoever may manage the key result may bring it back; under an archived objective it is
 * refused (409 naming the objective), never restored into an objective no list shows.
 */
export async function restoreKeyResult(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
): Promise<KeyResultView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', id);
    const { keyResult, objective, policy } = await loadKeyResultToRestore(tx, actor.orgId, id);
    if (!can(actor, 'keyResult.manage', policy)) throw forbidden();
    await restoreRow(tx, actor, 'keyResult', keyResult, version, deps.now(), { objective });
    return viewKeyResult(tx, actor, id, deps.now());
  });
}
