import { bilingual } from '../../i18n/bilingual.ts';

// The bell's list; the bell's own name is in `common` (first bundle).
export const inbox = bilingual(
  {
    title: 'Notifications',
    markAll: 'Mark all as read',
    mention: '{{author}} mentioned you on “{{objective}}”',
    comment: '{{author}} commented on “{{objective}}”',
    someone: 'Someone',
    unread: 'Unread',
    empty: 'Nothing new. This is where you hear when someone mentions you or comments on your objectives.',
    failed: 'The notifications could not be loaded. Try again in a moment.',
    loading: 'Loading notifications…',
    checkInsDue_one: '{{count, number}} check-in to do',
    checkInsDue_other: '{{count, number}} check-ins to do',
  },
  {
    title: 'Aviseringar',
    markAll: 'Markera alla som lästa',
    mention: '{{author}} nämnde dig på ”{{objective}}”',
    comment: '{{author}} kommenterade ”{{objective}}”',
    someone: 'Någon',
    unread: 'Oläst',
    empty: 'Inget nytt. Här får du veta när någon nämner dig eller kommenterar dina mål.',
    failed: 'Aviseringarna kunde inte hämtas. Försök igen om en stund.',
    loading: 'Hämtar aviseringar…',
    checkInsDue_one: '{{count, number}} avstämning att göra',
    checkInsDue_other: '{{count, number}} avstämningar att göra',
  },
);
