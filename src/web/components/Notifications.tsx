// Mantine's notification stack, its store and its styles: a chunk of its own, loaded with
// the first notification (notify.ts, NotificationsOnDemand).
//
// Where: notifications must not cover the controls they are about (a check-in's "Check in"
// button, "Add key result"), which sit on the right of the content. On a wide screen they
// stack at the bottom left, over the navigation's empty lower part and as narrow as it
// allows; on a phone, where the navigation is folded away, at the top, over the header.
// At most three at a time, so they never pile up over the page.
import '../styles/mantine-pages.css';
import '@mantine/notifications/styles.css';
import { useMediaQuery } from '@mantine/hooks';
import { notifications, Notifications as MantineNotifications, type NotificationData } from '@mantine/notifications';

export const show = (notification: NotificationData): string => notifications.show(notification);
export const update = (notification: NotificationData): void => void notifications.update(notification);

export default function Notifications() {
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  return (
    <MantineNotifications
      position={phone ? 'top-center' : 'bottom-left'}
      containerWidth={phone ? 440 : 300}
      limit={3}
      data-testid="notifications"
    />
  );
}
