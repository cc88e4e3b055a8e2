import type { AppDeps, Caller } from '../context.ts';
import { actorForResource } from '../scope.ts';
import { loadUnitDetail, type UnitDetailView } from './unit-view.ts';

/** A unit by id; an archived one still answers (with archivedAt), so admins can restore it. */
export async function getUnit(deps: AppDeps, caller: Caller, id: string): Promise<UnitDetailView> {
  const actor = await actorForResource(deps.db, caller, 'unit', id);
  return loadUnitDetail(deps.db, actor, id);
}
