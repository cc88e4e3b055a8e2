import { abilities } from '../../core/policy.ts';
import type { CycleStatus } from '../../core/domain.ts';
import type { cycles } from '../../db/schema.ts';
import type { OrgActor } from '../scope.ts';

export type CycleRow = typeof cycles.$inferSelect;

const CYCLE_ACTIONS = ['cycle.manage'] as const;

export function presentCycle(row: CycleRow) {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as CycleStatus,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type CycleView = ReturnType<typeof presentCycle>;

export function presentCycleDetail(row: CycleRow, actor: OrgActor) {
  return { ...presentCycle(row), abilities: abilities(actor, CYCLE_ACTIONS) };
}
export type CycleDetailView = ReturnType<typeof presentCycleDetail>;
