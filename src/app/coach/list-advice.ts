import type { Locale } from '../../core/domain.ts';
import type { RuleId, Severity } from '../../core/coach/model.ts';
import { runCoach } from '../../core/coach/rules.ts';
import type { AppDeps, Caller } from '../context.ts';
import { actorInOrg } from '../scope.ts';
import { unitScope } from '../units/unit-tree.ts';
import { loadCoachContext } from './coach-snapshot.ts';
import { adviceInScope, presentAdvice, ruleStates, type CoachAdviceView } from './coach-view.ts';

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
  const scope = input.unitId
    ? await unitScope(deps, actor.orgId, input.unitId, { subunits: input.subunits ?? true })
    : null;
  const context = await loadCoachContext(deps, actor, input.cycleId, deps.now(), scope ? { only: scope } : {});
  const inScope = scope ? adviceInScope(context.snapshot, scope) : () => true;
  // A closed cycle is the record: advice on how to set it up would come too late.
  const advice = (context.cycleClosed ? [] : runCoach(context.snapshot, context.disabledRules)).filter(
    (a) =>
      inScope(a) &&
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
