// Mantine's notification stack, its store and its styles: a chunk of its own, loaded with
// the first notification (notify.ts, NotificationsOnDemand).
//
// Where: notifications never cover the controls they refer to (a check-in's "Check in"
// button, "Save the profile", the comment box), which sit in the page's column. On a wide
// screen they stack at the bottom left, inside the navigation's empty lower part and no
// wider than it (Notifications.module.css). On a phone, where the navigation is folded
// away, just below the header, leaving its buttons free: the control just used is then
// usually lower down (forms end in their button, the thumb works low, My week's save bar
// is at the bottom); if the control in focus is up there itself, the notification goes to
// the bottom instead. At most three at a time, so they never pile up over the page.
import '../styles/mantine-pages.css';
import '@mantine/notifications/styles.css';
import { useMediaQuery } from '@mantine/hooks';
import { notifications, Notifications as MantineNotifications, type NotificationData } from '@mantine/notifications';
import classes from './Notifications.module.css';

const PHONE = '(max-width: 48em)';
/** On a phone, how far down the notifications below the header reach (header, gap, two lines). */
const PHONE_TOP_BAND = 170;

/** The stack's own place, or the bottom on a phone when the control in focus is where it would show. */
function placement(): NotificationData['position'] {
  if (!window.matchMedia(PHONE).matches) return undefined;
  const focused = document.activeElement;
  if (!focused || focused === document.body) return undefined;
  const { top, bottom } = focused.getBoundingClientRect();
  return bottom > 0 && top < PHONE_TOP_BAND ? 'bottom-center' : undefined;
}

export const show = (notification: NotificationData): string =>
  notifications.show({ position: placement(), ...notification });
export const update = (notification: NotificationData): void => void notifications.update(notification);

export default function Notifications() {
  const phone = useMediaQuery(PHONE) ?? false;
  return (
    <MantineNotifications
      position={phone ? 'top-center' : 'bottom-left'}
      containerWidth={phone ? 440 : 300}
      limit={3}
      classNames={{ root: classes.root }}
      data-testid="notifications"
    />
  );
}
