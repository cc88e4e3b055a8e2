import type { Queryable } from '../../db/connect.ts';
import type { AppDeps, Caller } from '../context.ts';
import { notFound } from '../errors.ts';
import { actorForResource, type OrgActor } from '../scope.ts';
import { loadObjectiveViews } from './objective-views.ts';
import type { ObjectiveView } from './present.ts';
import { isObjectiveReadable, readsEverything } from './records.ts';

/** One objective as the actor sees it; archived ones only for those who may restore them. */
export async function viewObjective(q: Queryable, actor: OrgActor, id: string, now: Date): Promise<ObjectiveView> {
  const includeArchived = readsEverything(actor);
  const [view] = await loadObjectiveViews(q, actor, { id, includeArchived }, now);
  if (!view) throw notFound('objective');
  return view;
}

/** Not found unless the actor may read the objective (private and draft ones are restricted). */
export async function assertObjectiveReadable(q: Queryable, actor: OrgActor, id: string): Promise<void> {
  if (!(await isObjectiveReadable(q, actor, id))) throw notFound('objective');
}

export async function getObjective(deps: AppDeps, caller: Caller, id: string): Promise<ObjectiveView> {
  const actor = await actorForResource(deps.db, caller, 'objective', id);
  return viewObjective(deps.db, actor, id, deps.now());
}
