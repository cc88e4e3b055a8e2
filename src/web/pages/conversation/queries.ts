// Comments and the activity feed: pages that grow with "show more" (keyset cursors).
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Comment, FeedItem, Member, Page } from '../../api/types.ts';

export const useComments = (objectiveId: string, keyResultId: string | undefined) =>
  useInfiniteQuery({
    queryKey: ['comments', objectiveId, keyResultId ?? null],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Comment>>(
        `/objectives/${objectiveId}/comments${query({ keyResultId, limit: 50, cursor: pageParam })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export interface FeedScope {
  unitId?: string;
  objectiveId?: string;
}

export const useFeed = (orgId: string, scope: FeedScope, pageSize = 10) =>
  useInfiniteQuery({
    queryKey: ['feed', orgId, scope],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<FeedItem>>(`/orgs/${orgId}/feed${query({ ...scope, limit: pageSize, cursor: pageParam })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/**
 * Members to mention, for what is typed after "@": asked of the server by name, filtered
 * here too so a list that is still on its way never offers someone who does not match.
 */
export function useMentionCandidates(orgId: string, typed: string | null, debounced: string) {
  const members = useQuery({
    queryKey: ['members', orgId, debounced],
    queryFn: ({ signal }) =>
      api.get<Page<Member>>(`/orgs/${orgId}/members${query({ q: debounced, limit: 20 })}`, signal),
    enabled: typed !== null,
    placeholderData: keepPreviousData,
  });
  const needle = (typed ?? '').toLocaleLowerCase();
  const items = (members.data?.items ?? []).filter((m) => m.name.toLocaleLowerCase().includes(needle));
  return { items: items.slice(0, 8), settled: !members.isFetching && debounced === (typed ?? '') };
}
