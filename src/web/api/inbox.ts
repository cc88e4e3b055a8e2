// My inbox (the header's bell): the newest notifications and the unread count, one read
// that the bell and its list share. Asked again every minute while the page is open, and
// when the window gets the focus back, so the badge keeps up without a push channel.
// Marking read is the list's (pages/inbox/mark-read.ts), loaded with it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Inbox } from './types.ts';

/** The list shows this many; older ones stay in the API (keyset-paged) for a later page. */
const SHOWN = 20;

export const inboxKey = (orgId: string) => ['inbox', orgId];

export const inboxQuery = (orgId: string) =>
  queryOptions({
    queryKey: inboxKey(orgId),
    queryFn: ({ signal }) => api.get<Inbox>(`/orgs/${orgId}/inbox?limit=${SHOWN}`, signal),
  });

export const useInbox = (orgId: string) =>
  useQuery({
    ...inboxQuery(orgId),
    enabled: !!orgId,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
