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

/** Replaces a notification still shown (by its id), e.g. an offer to undo by what came of it. */
export function renotify(notification: NotificationData & { id: string }): void {
  import('./Notifications.tsx').then(
    ({ update }) => update(notification),
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
