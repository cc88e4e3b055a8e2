// Net confidence and objectives by status for a cycle, for the organisation or one unit
// and the units beneath it: the one figure the organisation home and the unit page show,
// without the rest of the dashboard (docs/dashboards.md). The same objectives and the same
// rule as the dashboard's `objectives`, counted in the database in one statement.
import { netConfidence, type StatusCounts } from '../../core/dashboard.ts';
import type { AppDeps, Caller } from '../context.ts';
import { objectiveStatusCounts } from './dashboard-queries.ts';
import { dashboardScope, type DashboardInput } from './get-dashboard.ts';

export interface DashboardSummaryView {
  cycleId: string;
  unitId: string | null;
  objectives: { total: number; byStatus: StatusCounts; netConfidence: number | null };
}

export async function getDashboardSummary(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: DashboardInput,
): Promise<DashboardSummaryView> {
  const { cycle, scope, expected } = await dashboardScope(deps, caller, orgId, input);
  const byStatus = await objectiveStatusCounts(deps.db, scope, expected);
  return {
    cycleId: cycle.id,
    unitId: input.unitId ?? null,
    objectives: {
      total: byStatus.on_track + byStatus.at_risk + byStatus.off_track,
      byStatus,
      netConfidence: netConfidence(byStatus),
    },
  };
}
