// A year and its quarters in one transaction: the usual rhythm of OKRs. When the year is
// already there (same dates), only the quarters it lacks are added; when nothing is
// missing, nothing is written and the answer says so. Names stay unique (cycle-names.ts).
import { and, eq, isNull } from 'drizzle-orm';
import { can } from '../../core/policy.ts';
import type { CREATABLE_CYCLE_STATUSES } from '../../core/cycle-lifecycle.ts';
import { cycles } from '../../db/schema.ts';
import type { AppDeps, Caller } from '../context.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorInOrg } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { forgetCycles } from '../caches.ts';
import { insertCycle } from './create-cycle.ts';
import { assertCycleNameFree } from './cycle-names.ts';
import { assertDatesOrdered } from './cycle-rules.ts';
import { presentCycleDetail, type CycleDetailView } from './cycle-view.ts';

interface Span {
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface CreateYearInput extends Span {
  status?: (typeof CREATABLE_CYCLE_STATUSES)[number];
  quarters: Span[];
}

export interface YearView {
  year: CycleDetailView;
  /** The cycles this request added: the year (unless it was there) and the quarters it lacked. */
  created: CycleDetailView[];
}

export async function createYear(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: CreateYearInput,
): Promise<YearView> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'cycle.manage')) throw forbidden();
    assertDatesOrdered(input.startsOn, input.endsOn);
    input.quarters.forEach((quarter, i) => {
      if (quarter.endsOn < quarter.startsOn) throw invalid(`/body/quarters/${i}/endsOn`, 'ends_before_start');
      const span = { startsOn: input.startsOn, endsOn: input.endsOn };
      if (quarter.startsOn < input.startsOn)
        throw invalid(`/body/quarters/${i}/startsOn`, 'outside_parent_cycle', span);
      if (quarter.endsOn > input.endsOn) throw invalid(`/body/quarters/${i}/endsOn`, 'outside_parent_cycle', span);
    });
    await takeTurnInOrg(tx, actor.orgId);
    const [existing] = await tx
      .select()
      .from(cycles)
      .where(
        and(
          eq(cycles.orgId, actor.orgId),
          isNull(cycles.parentId),
          eq(cycles.startsOn, input.startsOn),
          eq(cycles.endsOn, input.endsOn),
        ),
      )
      .limit(1);
    const created: CycleDetailView[] = [];
    const status = input.status ?? 'planning';
    let year: CycleDetailView;
    if (existing) year = presentCycleDetail(existing, actor);
    else {
      await assertCycleNameFree(tx, actor.orgId, input.name, '/body/name');
      year = await insertCycle(deps, tx, actor, caller.accountId, { ...input, status, parentId: null });
      created.push(year);
    }
    const children = existing
      ? await tx
          .select({ startsOn: cycles.startsOn, endsOn: cycles.endsOn })
          .from(cycles)
          .where(and(eq(cycles.orgId, actor.orgId), eq(cycles.parentId, existing.id)))
      : [];
    for (const [i, quarter] of input.quarters.entries()) {
      if (children.some((c) => c.startsOn === quarter.startsOn && c.endsOn === quarter.endsOn)) continue;
      await assertCycleNameFree(tx, actor.orgId, quarter.name, `/body/quarters/${i}/name`);
      created.push(await insertCycle(deps, tx, actor, caller.accountId, { ...quarter, status, parentId: year.id }));
    }
    if (created.length === 0) throw new AppError('conflict', 'year_exists', { name: year.name });
    return { year, created };
  }).finally(() => forgetCycles(deps));
}
