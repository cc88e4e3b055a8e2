// Lists that grow with "show more": each page names the cursor of the next (keyset paging).
import { infiniteQueryOptions, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api } from './client.ts';

export interface PagedOptions<P> {
  /** Ask again after so many ms, given the pages read (e.g. while an item is still under way); false: not. */
  refetchAfter?: (pages: P[]) => number | false;
}

/** A list read page by page; `path` names the page after `cursor` (the first when undefined). */
export const pagedQuery = <P extends { items: unknown[]; nextCursor: string | null }>(
  queryKey: QueryKey,
  path: (cursor: string | undefined) => string,
  { refetchAfter }: PagedOptions<P> = {},
) =>
  infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => api.get<P>(path(pageParam), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: refetchAfter && ((query) => refetchAfter(query.state.data?.pages ?? [])),
  });

export const usePaged = <P extends { items: unknown[]; nextCursor: string | null }>(
  queryKey: QueryKey,
  path: (cursor: string | undefined) => string,
  options: PagedOptions<P> = {},
) => useInfiniteQuery(pagedQuery<P>(queryKey, path, options));
