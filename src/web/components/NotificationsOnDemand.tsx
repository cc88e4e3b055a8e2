import { lazy, Suspense, useSyncExternalStore } from 'react';
import { notificationsWanted } from './notify.ts';

const Notifications = lazy(() => import('./Notifications.tsx'));

/**
 * The notification stack, mounted when something is first notified (notify.ts): a
 * notification shown before the stack mounts waits in Mantine's store, which the stack
 * reads when it does.
 */
export function NotificationsOnDemand() {
  const wanted = useSyncExternalStore(notificationsWanted.subscribe, notificationsWanted.get);
  return wanted ? (
    <Suspense fallback={null}>
      <Notifications />
    </Suspense>
  ) : null;
}
