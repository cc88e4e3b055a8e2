import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { findCycle } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';

export async function getCycle(deps: AppDeps, caller: Caller, id: string): Promise<CycleDetailView> {
  const actor = await actorForResource(deps.db, caller, 'cycle', id);
  return presentCycleDetail(await findCycle(deps.db, actor.orgId, id), actor);
}
