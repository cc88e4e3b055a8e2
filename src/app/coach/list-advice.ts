import type { Locale } from '../../core/domain.ts';
import type { RuleId, Severity } from '../../core/coach/model.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorInOrg } from '../scope.ts';
import { reviewCycle } from './coach-review.ts';
import { presentAdvice, ruleStates, type CoachAdviceView } from './coach-view.ts';

export interface ListAdviceInput {
  cycleId: string;
  /** Only the advice about this unit, the units beneath it and their people (see adviceInScope). */
  unitId?: string;
  ruleId?: RuleId;
  severity?: Severity;
  /** With `unitId`, false: only the unit itself and its own members, not the units beneath it. */
  subunits?: boolean;
  /** At most this many items; the answer then says how many there are (`total`). */
  limit?: number;
  /** False leaves the list of rules out of the answer. */
  rules?: boolean;
  locale: Locale;
}

/**
 * The coach's advice on one cycle, for everything the caller may read (every member may
 * ask): the review list for the organisation or one unit. The rules the organisation
 * switched off give none, and a closed cycle none at all.
 */
export async function listAdvice(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListAdviceInput,
): Promise<CoachAdviceView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const unit = input.unitId ? { id: input.unitId, subunits: input.subunits ?? true } : null;
  const { context, advice: all } = await reviewCycle(deps, actor, input.cycleId, unit);
  const advice = all.filter(
    (a) =>
      (input.ruleId === undefined || a.ruleId === input.ruleId) &&
      (input.severity === undefined || a.severity === input.severity),
  );
  return {
    cycleClosed: context.cycleClosed,
    items: presentAdvice(advice, context, input.locale, input.limit),
    ...(input.limit === undefined ? {} : { total: advice.length }),
    ...(input.rules === false ? {} : { rules: ruleStates(context.disabledRules) }),
  };
}
