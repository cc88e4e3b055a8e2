import { eq } from 'drizzle-orm';
import type { Metric } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { keyResults } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { actorForResource } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { assertMembers } from '../references.ts';
import { loadKeyResult } from '../objectives/owner-context.ts';
import type { KeyResultView } from '../objectives/present.ts';
import { assertMetricDirection } from './key-result-input.ts';
import { viewKeyResult } from './view-key-result.ts';

export interface UpdateKeyResultInput {
  title?: string;
  metric?: Metric;
  start?: number;
  target?: number;
  unit?: string;
  weight?: number;
  position?: number;
  ownerId?: string | null;
}

export async function updateKeyResult(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: UpdateKeyResultInput,
): Promise<KeyResultView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorForResource(tx, caller, 'keyResult', id);
    const { keyResult: before, objective, policy } = await loadKeyResult(tx, actor.orgId, id, true);
    if (before.archivedAt) throw notFound('keyResult');
    if (!can(actor, 'keyResult.manage', policy)) throw forbidden();
    assertVersion(before.version, version);
    if (input.ownerId) await assertMembers(tx, actor.orgId, [{ id: input.ownerId, field: '/body/ownerId' }]);
    const metric = input.metric ?? (before.metric as Metric);
    assertMetricDirection(metric, input.start ?? before.startValue, input.target ?? before.targetValue, '/body/target');

    const { start, target, ...rest } = input;
    const [after] = await tx
      .update(keyResults)
      .set({
        ...definedFields({ ...rest, title: rest.title?.trim(), startValue: start, targetValue: target }),
        version: before.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(keyResults.id, id))
      .returning();
    if (!after) throw notFound('keyResult');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'keyResult.update',
      entityType: 'keyResult',
      entityId: id,
      objectiveId: objective.id,
      unitId: objective.unitId,
      before,
      after,
    });
    return viewKeyResult(tx, actor, id, deps.now());
  });
}
