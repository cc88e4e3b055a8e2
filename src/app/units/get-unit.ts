import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { findUnit } from './unit-tree.ts';
import { presentUnitDetail, type UnitDetailView } from './unit-view.ts';

/** A unit by id; an archived one still answers (with archivedAt), so admins can restore it. */
export async function getUnit(deps: AppDeps, caller: Caller, id: string): Promise<UnitDetailView> {
  const actor = await actorForResource(deps.db, caller, 'unit', id);
  const row = await findUnit(deps.db, actor.orgId, id);
  return presentUnitDetail(deps.db, actor, row);
}
