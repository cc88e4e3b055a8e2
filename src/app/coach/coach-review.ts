// The coach's advice on a cycle, or on one unit's part of it, before it is filtered and
// worded for a reader. Every unit page asks for its unit's, and working it out (the
// snapshot statement and the rules) was half of a team page's cost; so the server keeps
// it for CACHE_SECONDS, shared by the readers who read the same objectives
// (objectives/reader-audience.ts). Any write transaction in this process drops every kept
// review (transaction.ts); another process's write shows here within CACHE_SECONDS.
import type { Advice } from '../../core/coach/model.ts';
import { runCoach } from '../../core/coach/rules.ts';
import type { AppDeps } from '../context.ts';
import { audienceOf } from '../objectives/reader-audience.ts';
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

/** Reviews are keyed by the minute too, so that a clock moved in a test, or a new minute, is never answered from before. */
const MINUTE_MS = 60_000;

/** The review of one cycle as the actor may read it; another organisation's cycle or unit is not found. */
export async function reviewCycle(
  deps: AppDeps,
  actor: OrgActor,
  cycleId: string,
  unit: ReviewedUnit | null,
): Promise<CoachReview> {
  const scope = unit ? await unitScope(deps, actor.orgId, unit.id, { subunits: unit.subunits }) : null;
  const now = deps.now();
  const work = async (reader: OrgActor): Promise<CoachReview> => {
    const context = await loadCoachContext(deps, reader, cycleId, now, scope ? { only: scope } : {});
    const inScope = scope ? adviceInScope(context.snapshot, scope) : () => true;
    // A closed cycle is the record: advice on how to set it up would come too late.
    const advice = context.cycleClosed ? [] : runCoach(context.snapshot, context.disabledRules).filter(inScope);
    return { context, advice };
  };
  if (!deps.caches) return work(actor);
  // Drafts are in the snapshot for those who may read them, so they too make a reader's set their own.
  const audience = await audienceOf(deps, actor, 'privateOrDraft');
  const key = [
    actor.orgId,
    cycleId,
    unit ? `${unit.id}:${unit.subunits}` : 'all',
    audience.name,
    Math.floor(now.getTime() / MINUTE_MS),
  ].join(':');
  const review = await deps.caches.coach.get(key, () => work(audience.reader));
  if (!review) throw new Error('a coach review was not worked out');
  return review;
}
