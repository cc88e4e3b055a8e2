// Net confidence and objectives by status for a cycle, for the organisation or one unit
// and the units beneath it: the one figure the organisation home and the unit page show,
// without the rest of the dashboard (docs/dashboards.md). The same objectives and the same
// rule as the dashboard's `objectives`, counted in the database in one statement, and for
// a large organisation reused for a few seconds (figures-cache.ts); a unit's kept until a
// write, a few seconds at most, for the readers of the same objectives (kept-answers.ts).
import { netConfidence, type StatusCounts } from '../../core/dashboard.ts';
import type { AppDeps, Caller } from '../context.ts';
import { figuresFor } from '../figures-cache.ts';
import { keptForAudience } from '../kept-answers.ts';
import { objectiveStatusCounts } from './dashboard-queries.ts';
import { dashboardScope, type DashboardInput } from './get-dashboard.ts';

export interface DashboardSummaryView {
  cycleId: string;
  unitId: string | null;
  objectives: { total: number; byStatus: StatusCounts; netConfidence: number | null };
  /** When the figures were worked out. */
  asOf: string;
}

export async function getDashboardSummary(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: DashboardInput,
): Promise<DashboardSummaryView> {
  const { actor, cycle, scope, expected } = await dashboardScope(deps, caller, orgId, input);
  const key = `summary:${cycle.id}:${input.unitId ?? ''}`;
  return keptForAudience(deps, actor, {
    cache: (caches) => caches.summaries,
    key,
    // The counts leave drafts out, so only private objectives make a reader's set their own.
    own: 'private',
    work: async (audience) => {
      const { value: byStatus, asOf } = await figuresFor(deps, audience, key, {
        compute: (reader) => objectiveStatusCounts(deps.db, { ...scope, actor: reader }, expected),
        countedOver: (counts) => counts.on_track + counts.at_risk + counts.off_track,
      });
      return {
        cycleId: cycle.id,
        unitId: input.unitId ?? null,
        objectives: {
          total: byStatus.on_track + byStatus.at_risk + byStatus.off_track,
          byStatus,
          netConfidence: netConfidence(byStatus),
        },
        asOf: asOf.toISOString(),
      };
    },
  });
}
