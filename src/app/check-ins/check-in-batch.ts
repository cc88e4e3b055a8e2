// Several check-ins in one pass ("My week"): all or nothing, each item authorised like a
// single check-in, a problem with one item naming that item.
import type { AppDeps, Caller } from '../context.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { emitWebhookEvents } from '../webhooks/emit.ts';
import { postCheckInsToChannels } from '../chat/post-check-ins.ts';
import { recordCheckIns, type CheckInItem, type RecordedCheckIn } from './record-check-ins.ts';

export async function checkInBatch(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: { checkIns: CheckInItem[] },
): Promise<{ items: RecordedCheckIn[] }> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    const items = await recordCheckIns(
      tx,
      actor,
      input.checkIns,
      deps.now(),
      (index) => `/body/checkIns/${index}/keyResultId`,
    );
    await emitWebhookEvents(deps, tx, actor.orgId, 'check-in.created', items, deps.now());
    await postCheckInsToChannels(
      deps,
      tx,
      actor.orgId,
      items.map((item) => item.id),
      deps.now(),
    );
    return { items };
  });
}
