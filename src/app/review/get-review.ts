// The quarterly review of a cycle, for the organisation or one unit (docs/cycles.md, "The
// quarterly review"): the objectives with scores, bands, key results and reflections, what
// was carried over, alignment health and, for the organisation, a summary per unit. It is
// made to be projected to a room, so it shows only public published objectives whoever
// asks — an admin's or the owner's own private objectives stay out, and so do drafts: it
// reads as records.ts's publicReader. Two statements with the caches warm.
import type { CycleStatus } from '../../core/domain.ts';
import {
  reviewObjective,
  reviewSummary,
  unitSummaries,
  type ReflectionText,
  type ReviewObjective,
  type ReviewSummary,
  type UnitReviewSummary,
} from '../../core/review.ts';
import type { AppDeps, Caller } from '../context.ts';
import { findOrgCycle } from '../cycles/org-cycles.ts';
import { healthView, type AlignmentHealthView } from '../health/alignment-health.ts';
import { publicReader } from '../objectives/records.ts';
import { actorInOrg } from '../scope.ts';
import { unitScope } from '../units/unit-tree.ts';
import { readReviewFigures, readReviewObjectives, type ReviewScope } from './review-statements.ts';

export interface ReviewInput {
  cycleId: string;
  unitId?: string;
}

export interface ReviewView {
  organization: { id: string; name: string };
  unit: { id: string; name: string } | null;
  cycle: { id: string; name: string; startsOn: string; endsOn: string; status: CycleStatus };
  /** The cycle is closed: the scores are final. Otherwise they are the scores so far, from progress. */
  scoresFinal: boolean;
  summary: ReviewSummary;
  objectives: ReviewObjective[];
  /** A unit review's: the unit's own reflection on the cycle, once written. */
  unitReflection: ReflectionText | null;
  /** The organisation review's: one summary per top-level unit. */
  units: UnitReviewSummary[] | null;
  alignment: AlignmentHealthView;
}

const written = (text: ReflectionText | null) =>
  text && (text.wentWell || text.learned || text.changeNext) ? text : null;

export async function getReview(deps: AppDeps, caller: Caller, orgId: string, input: ReviewInput): Promise<ReviewView> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  const cycle = await findOrgCycle(deps, actor.orgId, input.cycleId);
  // The unit and its own members, as the review shows their objectives (not the units beneath).
  const scope: ReviewScope = {
    cycleId: cycle.id,
    unit: input.unitId
      ? { id: input.unitId, scope: await unitScope(deps, actor.orgId, input.unitId, { subunits: false }) }
      : null,
  };
  const reader = publicReader(actor);
  const asOf = deps.now();
  const [rows, figures] = await Promise.all([
    readReviewObjectives(deps.db, reader, scope),
    readReviewFigures(deps, reader, cycle, scope),
  ]);
  const objectives = rows.map(reviewObjective);
  return {
    organization: { id: actor.orgId, name: figures.org_name },
    unit: scope.unit && { id: scope.unit.id, name: figures.unit_name ?? '' },
    cycle: {
      id: cycle.id,
      name: cycle.name,
      startsOn: cycle.startsOn,
      endsOn: cycle.endsOn,
      status: cycle.status as CycleStatus,
    },
    scoresFinal: cycle.status === 'closed',
    summary: reviewSummary(objectives),
    objectives,
    unitReflection: written(figures.unit_reflection),
    units: figures.tree && unitSummaries(figures.tree, figures.units_objectives ?? []),
    alignment: healthView(cycle.id, input.unitId ?? null, figures, asOf),
  };
}
