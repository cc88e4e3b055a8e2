// Server state shared by many pages, with TanStack Query. Keys are arrays that start with
// the resource name, so a change can invalidate everything it affects.
import {
  queryOptions,
  useQuery,
  useQueryClient,
  type FetchQueryOptions,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { api, ApiError, query } from './client.ts';
import { orderCycles } from '../app/cycle-order.ts';
import { OWNER_ME, type CycleStatus } from '../../core/domain.ts';
import { inboxQuery } from './inbox.ts';
import type {
  AlignmentMap,
  Cycle,
  DueCount,
  KeyResultInContext,
  Me,
  Member,
  Objective,
  Org,
  Page,
  Unit,
  UnitDetail,
  CheckIn,
  Activity,
  ActivityInContext,
} from './types.ts';

/** Every page of a list, for lists a view needs whole (units of a tree, cycles). */
export async function fetchAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Page<T> = await api.get<Page<T>>(
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      signal,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * Starts a read while a page renders, unless its cache entry exists already (asked, answered
 * or failed): reads a page will show go out together, in one batch (read-batch.ts), instead
 * of each when the part of the page that shows it first renders.
 */
export function prefetchUnlessKnown<T, K extends QueryKey>(
  client: QueryClient,
  options: FetchQueryOptions<T, Error, T, K>,
): void {
  if (!client.getQueryState(options.queryKey)) void client.prefetchQuery(options);
}

/** The signed-in account, or null when nobody is signed in (asked without a 401). */
const sessionQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => (await api.get<{ account: Me | null }>('/auth/session', signal)).account,
  staleTime: 60_000,
});

export const useSession = () => useQuery(sessionQuery);

/**
 * After a read refused for want of a session (it ended unused, grew too old, or was signed
 * out elsewhere): nobody is signed in any more, so the pages that need it show sign-in.
 */
export function forgetEndedSession(client: QueryClient, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) client.setQueryData(sessionQuery.queryKey, null);
}

/** The signed-in account; only inside pages that require sign-in. */
export function useMe() {
  const session = useSession();
  return { ...session, data: session.data ?? undefined };
}

const orgQuery = (orgId: string) =>
  queryOptions({ queryKey: ['org', orgId], queryFn: ({ signal }) => api.get<Org>(`/orgs/${orgId}`, signal) });

export const useOrg = (orgId: string) => useQuery(orgQuery(orgId));

/** In the one order every list of cycles shows (app/cycle-order.ts). */
const cyclesQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['cycles', orgId],
    queryFn: async ({ signal }) => orderCycles(await fetchAll<Cycle>(`/orgs/${orgId}/cycles`, signal)),
    staleTime: 60_000,
  });

export const useCycles = (orgId: string) => useQuery(cyclesQuery(orgId));

/**
 * Asks for the session, the organisation and its cycles, which every page of it needs, and
 * the layout's inbox and My week, at once, while the page renders: they go out as one
 * batch (read-batch.ts), where the queries' own effects would send the session a moment
 * apart. Signed out, the organisation's reads fail quietly and are asked again after
 * signing in.
 */
export function usePrefetchOrgPage(orgId: string): void {
  const client = useQueryClient();
  prefetchUnlessKnown(client, sessionQuery);
  prefetchUnlessKnown(client, orgQuery(orgId));
  prefetchUnlessKnown(client, cyclesQuery(orgId));
  if (!orgId) return;
  // What the layout shows on every page (the bell, My week's count), asked for by the
  // signed-in account's own names for them, so they need not wait for the session.
  prefetchUnlessKnown(client, inboxQuery(orgId));
  prefetchUnlessKnown(client, dueCountQuery(orgId));
}

export const useUnits = (orgId: string) =>
  useQuery({ queryKey: ['units', orgId], queryFn: ({ signal }) => fetchAll<Unit>(`/orgs/${orgId}/units`, signal) });

export const unitQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/units/${unitId}`, signal),
  });

export const useUnit = (unitId: string) => useQuery(unitQuery(unitId));

export const useMembers = (orgId: string, q = '') =>
  useQuery({
    queryKey: ['members', orgId, q],
    queryFn: ({ signal }) => api.get<Page<Member>>(`/orgs/${orgId}/members${query({ q, limit: 50 })}`, signal),
  });

export interface ObjectiveFilters {
  cycleId?: string;
  level?: 'organization' | 'unit' | 'person';
  unitId?: string;
  personId?: string;
  supportsId?: string;
  ids?: string;
  q?: string;
}

export const objectivesQuery = (orgId: string, filters: ObjectiveFilters) =>
  queryOptions({
    queryKey: ['objectives', orgId, filters],
    queryFn: ({ signal }) => fetchAll<Objective>(`/orgs/${orgId}/objectives${query({ ...filters })}`, signal),
  });

export const useObjectives = (orgId: string, filters: ObjectiveFilters, enabled = true) =>
  useQuery({ ...objectivesQuery(orgId, filters), enabled });

/**
 * A cycle's alignment map in one request: whole, however many objectives (30,000 is about
 * 8 MB). Its key starts with 'objectives', so every change to OKRs (invalidateOkrs) marks it
 * stale too. Structural sharing would walk the whole answer on every refetch for nothing.
 */
const alignmentMapQuery = (orgId: string, cycleId: string) =>
  queryOptions({
    queryKey: ['objectives', orgId, 'map', cycleId],
    queryFn: ({ signal }) => api.getAlone<AlignmentMap>(`/orgs/${orgId}/map${query({ cycleId })}`, signal),
    structuralSharing: false,
  });

export function useAlignmentMap(orgId: string, cycleId: string | undefined) {
  const client = useQueryClient();
  const options = alignmentMapQuery(orgId, cycleId ?? '');
  // Asked for while the page renders, not once it is shown: React may hold a page that has
  // just loaded back for a few hundred milliseconds before it commits it (and runs effects).
  if (cycleId) prefetchUnlessKnown(client, options);
  return useQuery({ ...options, enabled: !!cycleId });
}

export const useObjective = (id: string) =>
  useQuery({ queryKey: ['objective', id], queryFn: ({ signal }) => api.get<Objective>(`/objectives/${id}`, signal) });

interface KeyResultFilters {
  /** A person's id, or `OWNER_ME` for the signed-in account's. */
  ownerId?: string;
  cycleId?: string;
  cycleStatus?: CycleStatus;
}

const keyResultsQuery = (orgId: string, filters: KeyResultFilters) =>
  queryOptions({
    queryKey: ['keyResults', orgId, filters],
    queryFn: ({ signal }) => fetchAll<KeyResultInContext>(`/orgs/${orgId}/key-results${query({ ...filters })}`, signal),
  });

export const useKeyResults = (orgId: string, filters: KeyResultFilters, enabled = true) =>
  useQuery({ ...keyResultsQuery(orgId, filters), enabled });

/** The signed-in account's key results in active cycles: My week. */
export const myWeekQuery = (orgId: string) => keyResultsQuery(orgId, { ownerId: OWNER_ME, cycleStatus: 'active' });

/**
 * How many of My week's key results are due: the count the navigation and the bell show on
 * every page, asked for as a number rather than by reading My week in full. Its key starts
 * with 'keyResults', so every change to OKRs (invalidateOkrs), a check-in too, asks again.
 */
const dueCountQuery = (orgId: string) =>
  queryOptions({
    queryKey: ['keyResults', orgId, 'dueCount'],
    queryFn: ({ signal }) => api.get<DueCount>(`/orgs/${orgId}/key-results/due-count`, signal),
  });

export const useDueCount = (orgId: string) => useQuery({ ...dueCountQuery(orgId), enabled: !!orgId }).data?.count ?? 0;

export const useCheckIns = (keyResultId: string) =>
  useQuery({
    queryKey: ['checkIns', keyResultId],
    queryFn: ({ signal }) => fetchAll<CheckIn>(`/key-results/${keyResultId}/check-ins`, signal),
  });

export const useActivities = (keyResultId: string) =>
  useQuery({
    queryKey: ['activities', keyResultId],
    queryFn: ({ signal }) => fetchAll<Activity>(`/key-results/${keyResultId}/activities`, signal),
  });

export const useOrgActivities = (orgId: string, filters: { ownerId?: string; status?: string }, enabled = true) =>
  useQuery({
    queryKey: ['orgActivities', orgId, filters],
    queryFn: ({ signal }) => fetchAll<ActivityInContext>(`/orgs/${orgId}/activities${query(filters)}`, signal),
    enabled,
  });

/** After any change to OKRs: every list and view of objectives and key results may differ. */
export function invalidateOkrs(client: QueryClient): Promise<void> {
  return Promise.all(
    ['objectives', 'objective', 'keyResults', 'checkIns', 'activities', 'orgActivities', 'dashboard', 'feed'].map(
      (key) => client.invalidateQueries({ queryKey: [key] }),
    ),
  ).then(() => undefined);
}
