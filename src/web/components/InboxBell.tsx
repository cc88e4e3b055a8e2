import { lazy } from 'react';
import { useInbox } from '../api/inbox.ts';
import { BellButton } from './BellButton.tsx';
import { OpenOnDemand } from './OpenOnDemand.tsx';

const loadPopover = () => import('../pages/inbox/InboxPopover.tsx');
const InboxPopover = lazy(loadPopover);
// Only a head start: a failure here is met again, and shown, when the list is opened.
const preload = () => void loadPopover().catch(() => undefined);

export interface InboxBellProps {
  orgId: string;
  /** Key results of mine due for a check-in (My week's count, which the navigation has already). */
  checkInsDue: number;
}

/**
 * The header's bell: the unread count is one read (api/inbox.ts); the list's code (Mantine's
 * Popover, its texts) loads when the pointer or focus comes to the bell, and it opens on the
 * first click as it would have (as the account menu does).
 */
export function InboxBell({ orgId, checkInsDue }: InboxBellProps) {
  const unread = useInbox(orgId).data?.unread ?? 0;
  return (
    <OpenOnDemand preload={preload} trigger={(trigger) => <BellButton unread={unread} {...trigger} />}>
      <InboxPopover orgId={orgId} checkInsDue={checkInsDue} unread={unread} />
    </OpenOnDemand>
  );
}
