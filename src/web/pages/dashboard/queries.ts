// A dashboard's server state. The key starts with 'dashboard', which invalidateOkrs
// refreshes after any change to objectives, key results or check-ins.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, query } from '../../api/client.ts';
import { unitQuery } from '../../api/queries.ts';
import type { Dashboard } from '../../api/types.ts';
import type { DashboardSummarySchema } from '../../../api/schemas/dashboard.ts';

export type DashboardSummary = Static<typeof DashboardSummarySchema>;

export const useDashboard = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  useQuery({
    queryKey: ['dashboard', orgId, cycleId, unitId],
    queryFn: ({ signal }) => api.get<Dashboard>(`/orgs/${orgId}/dashboard${query({ cycleId, unitId })}`, signal),
    enabled: !!cycleId,
  });

/** Net confidence and objectives by status only (the small figure on the home and unit pages). */
export const dashboardSummaryQuery = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  queryOptions({
    queryKey: ['dashboard', orgId, cycleId, unitId, 'summary'],
    queryFn: ({ signal }) =>
      api.get<DashboardSummary>(`/orgs/${orgId}/dashboard/summary${query({ cycleId, unitId })}`, signal),
  });

export const useDashboardSummary = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  useQuery({ ...dashboardSummaryQuery(orgId, cycleId, unitId), enabled: !!cycleId });

/** The unit a dashboard is about (the same cache entry as useUnit), only when there is one. */
export const useDashboardUnit = (unitId: string | undefined) =>
  useQuery({ ...unitQuery(unitId ?? ''), enabled: !!unitId });
