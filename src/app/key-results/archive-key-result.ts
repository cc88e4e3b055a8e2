import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { setArchived } from '../archive.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { loadKeyResult } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { viewKeyResult } from './view-key-result.ts';

export async function archiveKeyResult(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', id);
    const { policy } = await loadKeyResult(tx, actor.orgId, id, true);
    if (!can(actor, 'keyResult.manage', policy)) throw forbidden();
    await setArchived(tx, actor, 'keyResult', id, true, deps.now());
  });
}

export async function restoreKeyResult(deps: AppDeps, caller: Caller, id: string): Promise<KeyResultView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', id);
    if (!can(actor, 'archive.restore')) throw forbidden();
    await setArchived(tx, actor, 'keyResult', id, false, deps.now());
    return viewKeyResult(tx, actor, id, deps.now());
  });
}
