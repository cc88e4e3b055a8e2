// Mantine's notification stack, its store and its styles: a chunk of its own, loaded with
// the first notification (notify.ts, NotificationsOnDemand).
import '../styles/mantine-pages.css';
import '@mantine/notifications/styles.css';
import { notifications, Notifications as MantineNotifications, type NotificationData } from '@mantine/notifications';

export const show = (notification: NotificationData): string => notifications.show(notification);

export default function Notifications() {
  return <MantineNotifications position="top-right" />;
}
