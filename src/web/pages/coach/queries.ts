// The coach's and alignment health's server state. Keys start with 'coach' or
// 'alignmentHealth' so a change to OKRs or to the organisation's rules can refresh them.
import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { AlignmentHealth, CoachAdvice, CoachCheckInput } from '../../api/types.ts';

export interface AdviceFilters {
  cycleId?: string;
  unitId?: string;
  ruleId?: string;
  severity?: string;
  /** False: only the unit's own advice, not that of the units beneath it. */
  subunits?: boolean;
  /** Only the first few pieces of advice (the answer's `total` counts them all). */
  limit?: number;
  /** False: without the list of rules. */
  rules?: boolean;
}

export const coachAdviceQuery = (orgId: string, filters: AdviceFilters) =>
  queryOptions({
    queryKey: ['coach', orgId, filters],
    queryFn: ({ signal }) => {
      const { subunits, rules, ...rest } = filters;
      const search = query({ ...rest, subunits: subunits?.toString(), rules: rules?.toString() });
      return api.get<CoachAdvice>(`/orgs/${orgId}/coach${search}`, signal);
    },
  });

export const useCoachAdvice = (orgId: string, filters: AdviceFilters, enabled = true) =>
  useQuery({ ...coachAdviceQuery(orgId, filters), enabled: enabled && !!filters.cycleId });

/** How many pieces of advice the unit page's coach corner shows. */
const UNIT_COACH_SHOWN = 3;

/** The unit page's coach corner: the first few pieces of the unit's own advice, without the rules. */
export const unitCoachFilters = (cycleId: string | undefined, unitId: string): AdviceFilters => ({
  cycleId,
  unitId,
  subunits: false,
  limit: UNIT_COACH_SHOWN,
  rules: false,
});

export const alignmentHealthQuery = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  queryOptions({
    queryKey: ['alignmentHealth', orgId, cycleId, unitId],
    queryFn: ({ signal }) =>
      api.get<AlignmentHealth>(`/orgs/${orgId}/alignment-health${query({ cycleId, unitId })}`, signal),
  });

export const useAlignmentHealth = (orgId: string, cycleId: string | undefined, unitId?: string) =>
  useQuery({ ...alignmentHealthQuery(orgId, cycleId, unitId), enabled: !!cycleId });

/** The advice on a draft; the caller debounces the body. The last answer stays while the next loads. */
export const useCoachCheck = (orgId: string, body: CoachCheckInput | null) =>
  useQuery({
    queryKey: ['coach', orgId, 'check', body],
    queryFn: () => api.post<CoachAdvice>(`/orgs/${orgId}/coach/check`, body),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function invalidateCoach(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['coach'] }),
    client.invalidateQueries({ queryKey: ['alignmentHealth'] }),
  ]).then(() => undefined);
}
