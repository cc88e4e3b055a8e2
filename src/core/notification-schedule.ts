// When the scheduled e-mails go out, and how a failed send is retried. Pure functions: the
// job runner asks them on every poll, and the answer names the period a message belongs
// to, which is part of its dedupe key — so however many processes poll, each person gets
// at most one reminder and one digest per period.

export const SCHEDULED_KINDS = ['check_in_reminder', 'weekly_digest'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

/** ISO weekday (1 Monday … 7 Sunday), the local hour the window opens, and how many days it stays open. */
export interface SendWindow {
  weekday: number;
  fromHour: number;
  days: number;
}

/**
 * The digest starts the week (Monday morning: what is ahead); the reminder comes mid-week,
 * early enough to check in before the week is over. Each window stays open a second day so
 * a server that was down on the first day still sends — but never a stale Monday digest on
 * a Friday.
 */
export const SEND_WINDOWS: Record<ScheduledKind, SendWindow> = {
  weekly_digest: { weekday: 1, fromHour: 7, days: 2 },
  check_in_reminder: { weekday: 4, fromHour: 9, days: 2 },
};

export interface LocalTime {
  /** ISO week-numbering year and week of the local date. */
  isoYear: number;
  isoWeek: number;
  /** ISO weekday 1–7. */
  weekday: number;
  hour: number;
}

/** The wall-clock time at `now` in an IANA time zone (e.g. Europe/Stockholm). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  const weekday = date.getUTCDay() || 7;
  // The ISO week belongs to the year of its Thursday.
  const thursday = new Date(date.getTime() + (4 - weekday) * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000;
  return { isoYear, isoWeek: Math.floor(dayOfYear / 7) + 1, weekday, hour: Number(parts.hour) };
}

/**
 * The period (ISO week, e.g. "2026-W21") whose message of this kind may be sent at `now`,
 * or null outside the kind's send window.
 */
export function openPeriod(kind: ScheduledKind, now: Date, timeZone: string): string | null {
  const window = SEND_WINDOWS[kind];
  const local = localTime(now, timeZone);
  const dayInWindow = local.weekday - window.weekday;
  if (dayInWindow < 0 || dayInWindow >= window.days) return null;
  if (dayInWindow === 0 && local.hour < window.fromHour) return null;
  return `${local.isoYear}-W${String(local.isoWeek).padStart(2, '0')}`;
}

/** Sends tried before a message is marked failed (its last error kept for admins). */
export const MAX_SEND_ATTEMPTS = 5;
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

/**
 * What to do after the `attempts`-th failed send: wait and retry (growing delays, so a mail
 * server that is down for a while is not hammered), or give up.
 */
export function afterFailedSend(attempts: number): { retryInMs: number } | 'give_up' {
  if (attempts >= MAX_SEND_ATTEMPTS) return 'give_up';
  return { retryInMs: RETRY_DELAYS_MS[Math.max(1, Math.min(attempts, RETRY_DELAYS_MS.length)) - 1] ?? 60_000 };
}
