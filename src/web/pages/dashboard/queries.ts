// A dashboard's server state. The key starts with 'dashboard', which invalidateOkrs
// refreshes after any change to objectives, key results or check-ins.
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Dashboard, UnitDetail } from '../../api/types.ts';

export const useDashboard = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  useQuery({
    queryKey: ['dashboard', orgId, cycleId, unitId],
    queryFn: ({ signal }) => api.get<Dashboard>(`/orgs/${orgId}/dashboard${query({ cycleId, unitId })}`, signal),
    enabled: !!cycleId,
  });

/** The unit a dashboard is about (the same cache entry as useUnit), only when there is one. */
export const useDashboardUnit = (unitId: string | undefined) =>
  useQuery({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/units/${unitId}`, signal),
    enabled: !!unitId,
  });
