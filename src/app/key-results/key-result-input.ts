// Validation and insertion of key results, shared by "create objective with key results"
// and "add a key result".
import { sql } from 'drizzle-orm';
import type { Metric } from '../../core/domain.ts';
import type { Tx } from '../../db/connect.ts';
import { keyResults } from '../../db/schema.ts';
import { invalid } from '../errors.ts';
import { assertMembers } from '../references.ts';

export interface NewKeyResult {
  title: string;
  metric: Metric;
  start?: number;
  target?: number;
  current?: number;
  unit?: string;
  weight?: number;
  ownerId?: string | null;
}

/**
 * Increase and decrease metrics must point the way they say. Start equal to target is
 * allowed (the coach warns about it); pointing backwards is a mistake we refuse.
 */
export function assertMetricDirection(metric: Metric, start: number, target: number, field: string): void {
  if (metric === 'increase_to' && target < start) throw invalid(field, 'target_below_start');
  if (metric === 'decrease_to' && target > start) throw invalid(field, 'target_above_start');
}

/** Inserts key results after the objective's existing ones. `field` is the request path of the list. */
export async function insertKeyResults(
  tx: Tx,
  orgId: string,
  objectiveId: string,
  inputs: NewKeyResult[],
  field: (i: number) => string,
) {
  if (inputs.length === 0) return [];
  const owners = inputs.flatMap((kr, i) => (kr.ownerId ? [{ id: kr.ownerId, field: `${field(i)}/ownerId` }] : []));
  await assertMembers(tx, orgId, owners);
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${keyResults.position}) + 1, 0)::int` })
    .from(keyResults)
    .where(sql`${keyResults.orgId} = ${orgId} and ${keyResults.objectiveId} = ${objectiveId}`);
  const values = inputs.map((kr, i) => {
    // A milestone goes from 0 (not done) to 1 (done) unless told otherwise.
    const target = kr.target ?? (kr.metric === 'milestone' ? 1 : undefined);
    if (target === undefined) throw invalid(`${field(i)}/target`, 'target_required');
    const start = kr.start ?? 0;
    assertMetricDirection(kr.metric, start, target, `${field(i)}/target`);
    return {
      orgId,
      objectiveId,
      title: kr.title.trim(),
      metric: kr.metric,
      startValue: start,
      targetValue: target,
      currentValue: kr.current ?? start,
      unit: kr.unit ?? '',
      weight: kr.weight ?? 1,
      ownerId: kr.ownerId ?? null,
      position: next + i,
    };
  });
  return tx.insert(keyResults).values(values).returning();
}
