// Comments and the activity feed: pages that grow with "show more" (keyset cursors).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import { pagedQuery, usePaged } from '../../api/paged.ts';
import type { Comment, FeedItem, Member, Page } from '../../api/types.ts';

export const useComments = (objectiveId: string, keyResultId: string | undefined) =>
  usePaged<Page<Comment>>(
    ['comments', objectiveId, keyResultId ?? null],
    (cursor) => `/objectives/${objectiveId}/comments${query({ keyResultId, limit: 50, cursor })}`,
  );

export interface FeedScope {
  unitId?: string;
  objectiveId?: string;
}

const feedKey = (orgId: string, scope: FeedScope) => ['feed', orgId, scope];
const feedPage = (orgId: string, scope: FeedScope, pageSize: number) => (cursor: string | undefined) =>
  `/orgs/${orgId}/feed${query({ ...scope, limit: pageSize, cursor })}`;

/** The feed's pages, for reading it ahead of the panel that shows it. */
export const feedQuery = (orgId: string, scope: FeedScope, pageSize = 10) =>
  pagedQuery<Page<FeedItem>>(feedKey(orgId, scope), feedPage(orgId, scope, pageSize));

export const useFeed = (orgId: string, scope: FeedScope, pageSize = 10) =>
  usePaged<Page<FeedItem>>(feedKey(orgId, scope), feedPage(orgId, scope, pageSize));

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
