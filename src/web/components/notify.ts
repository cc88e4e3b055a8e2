// Notifications (“Saved”, errors of a background action) are shown by Mantine's stack,
// which with its store is a chunk of its own (Notifications.tsx): it loads with the first
// notification, so no page pays for it before it has something to say.
import type { NotificationData } from '@mantine/notifications';

let wanted = false;
const listeners = new Set<() => void>();

/** Shows a notification (Mantine's `notifications.show`, once its code has loaded). */
export function notify(notification: NotificationData): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  import('./Notifications.tsx').then(
    ({ show }) => show(notification),
    // Offline at the very moment: the action is done, only its toast is lost.
    () => undefined,
  );
}

/** Whether anything has been notified yet: NotificationsOnDemand mounts the stack then. */
export const notificationsWanted = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: (): boolean => wanted,
};
