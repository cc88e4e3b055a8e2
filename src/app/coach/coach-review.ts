// The coach's advice on a cycle, or on one unit's part of it, before it is filtered and
// worded for a reader. Every unit page asks for its unit's, and working it out (the
// snapshot statement and the rules) was half of a team page's cost; so the server keeps
// it a few seconds, shared by the readers who read the same objectives (kept-answers.ts).
import type { Advice } from '../../core/coach/model.ts';
import { runCoach } from '../../core/coach/rules.ts';
import type { AppDeps } from '../context.ts';
import { keptForAudience } from '../kept-answers.ts';
import type { OrgActor } from '../scope.ts';
import { unitScope } from '../units/unit-tree.ts';
import { loadCoachContext, type CoachContext } from './coach-snapshot.ts';
import { adviceInScope } from './coach-view.ts';

export interface CoachReview {
  context: CoachContext;
  /** The advice of the rules the organisation has on, within the unit asked about; none for a closed cycle. */
  advice: readonly Advice[];
}

/** The unit a review is narrowed to, with or without the units beneath it. */
export interface ReviewedUnit {
  id: string;
  subunits: boolean;
}

/** The review of one cycle as the actor may read it; another organisation's cycle or unit is not found. */
export async function reviewCycle(
  deps: AppDeps,
  actor: OrgActor,
  cycleId: string,
  unit: ReviewedUnit | null,
): Promise<CoachReview> {
  const scope = unit ? await unitScope(deps, actor.orgId, unit.id, { subunits: unit.subunits }) : null;
  const now = deps.now();
  return keptForAudience(deps, actor, {
    cache: (caches) => caches.coach,
    key: `coach:${cycleId}:${unit ? `${unit.id}:${unit.subunits}` : 'all'}`,
    // Drafts are in the snapshot for those who may read them, so they too make a reader's set their own.
    own: 'privateOrDraft',
    work: async ({ reader }) => {
      const context = await loadCoachContext(deps, reader, cycleId, now, scope ? { only: scope } : {});
      const inScope = scope ? adviceInScope(context.snapshot, scope) : () => true;
      // A closed cycle is the record: advice on how to set it up would come too late.
      const advice = context.cycleClosed ? [] : runCoach(context.snapshot, context.disabledRules).filter(inScope);
      return { context, advice };
    },
  });
}
