// Marking notifications read, with the bell's list rather than the first bundle.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { inboxKey } from '../../api/inbox.ts';
import type { Inbox } from '../../api/types.ts';

/**
 * Marks notifications read (those named, or all): shown read at once, then the server's
 * unread count, which also counts those beyond the list.
 */
export function useMarkInboxRead(orgId: string) {
  const client = useQueryClient();
  const markLocally = (ids: string[] | undefined, unread?: number) =>
    client.setQueryData<Inbox>(inboxKey(orgId), (inbox) => {
      if (!inbox) return inbox;
      const marked = (id: string) => !ids || ids.includes(id);
      const items = inbox.items.map((item) => (marked(item.id) ? { ...item, read: true } : item));
      const newlyRead = inbox.items.filter((item) => !item.read && marked(item.id)).length;
      return { ...inbox, items, unread: unread ?? Math.max(0, inbox.unread - newlyRead) };
    });
  return useMutation({
    mutationFn: (ids?: string[]) => api.post<{ unread: number }>(`/orgs/${orgId}/inbox/read`, ids ? { ids } : {}),
    onMutate: (ids) => markLocally(ids),
    onSuccess: ({ unread }, ids) => markLocally(ids, unread),
    onError: () => client.invalidateQueries({ queryKey: inboxKey(orgId) }),
  });
}
