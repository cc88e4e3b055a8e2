import { can } from '../../core/policy.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { loadObjective } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { insertKeyResults, type NewKeyResult } from './key-result-input.ts';
import { viewKeyResult } from './view-key-result.ts';

export async function addKeyResult(
  deps: AppDeps,
  caller: Caller,
  objectiveId: string,
  input: NewKeyResult,
): Promise<KeyResultView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'objective', objectiveId);
    // Locking the objective keeps positions unique when two people add at once.
    const { objective, policy } = await loadObjective(tx, actor.orgId, objectiveId, true);
    if (objective.archivedAt) throw notFound('objective');
    if (!can(actor, 'keyResult.manage', policy)) throw forbidden();
    const [row] = await insertKeyResults(tx, actor.orgId, objectiveId, [input], () => '/body');
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'keyResult.create',
      entityType: 'keyResult',
      entityId: row.id,
      objectiveId,
      unitId: objective.unitId,
      after: row,
    });
    return viewKeyResult(tx, actor, row.id, deps.now());
  });
}
