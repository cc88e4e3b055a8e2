import { describe, expect, it } from 'vitest';
import { afterFailedSend, localTime, MAX_SEND_ATTEMPTS, openPeriod } from './notification-schedule.ts';

const STOCKHOLM = 'Europe/Stockholm';

describe('localTime', () => {
  it.each([
    // 2026-05-18 is a Monday in ISO week 21; Stockholm is UTC+2 in summer.
    ['2026-05-18T05:30:00Z', STOCKHOLM, { isoYear: 2026, isoWeek: 21, weekday: 1, hour: 7 }],
    // Sunday 23:30 UTC is already Monday in Stockholm.
    ['2026-05-17T22:30:00Z', STOCKHOLM, { isoYear: 2026, isoWeek: 21, weekday: 1, hour: 0 }],
    ['2026-05-17T22:30:00Z', 'UTC', { isoYear: 2026, isoWeek: 20, weekday: 7, hour: 22 }],
    // 1 January 2027 is a Friday: it belongs to ISO week 53 of 2026.
    ['2027-01-01T12:00:00Z', STOCKHOLM, { isoYear: 2026, isoWeek: 53, weekday: 5, hour: 13 }],
    // 29 December 2025 is a Monday: ISO week 1 of 2026.
    ['2025-12-29T09:00:00Z', STOCKHOLM, { isoYear: 2026, isoWeek: 1, weekday: 1, hour: 10 }],
  ])('%s in %s', (iso, zone, expected) => {
    expect(localTime(new Date(iso), zone)).toEqual(expected);
  });
});

describe('openPeriod', () => {
  it.each([
    // Weekly digest: Monday from 07:00 until Tuesday ends (Stockholm time).
    ['weekly_digest', '2026-05-18T04:59:00Z', null], // Monday 06:59
    ['weekly_digest', '2026-05-18T05:00:00Z', '2026-W21'], // Monday 07:00
    ['weekly_digest', '2026-05-19T21:59:00Z', '2026-W21'], // Tuesday 23:59
    ['weekly_digest', '2026-05-19T22:00:00Z', null], // Wednesday 00:00
    ['weekly_digest', '2026-05-17T12:00:00Z', null], // Sunday
    // Check-in reminder: Thursday from 09:00 until Friday ends.
    ['check_in_reminder', '2026-05-21T06:59:00Z', null], // Thursday 08:59
    ['check_in_reminder', '2026-05-21T07:00:00Z', '2026-W21'], // Thursday 09:00
    ['check_in_reminder', '2026-05-22T20:00:00Z', '2026-W21'], // Friday 22:00
    ['check_in_reminder', '2026-05-23T08:00:00Z', null], // Saturday
    ['check_in_reminder', '2026-05-18T08:00:00Z', null], // Monday
    // Across a year boundary the ISO week year applies.
    ['weekly_digest', '2025-12-29T08:00:00Z', '2026-W01'],
  ] as const)('%s at %s → %s', (kind, iso, period) => {
    expect(openPeriod(kind, new Date(iso), STOCKHOLM)).toBe(period);
  });

  it('follows the time zone it is given', () => {
    // Monday 06:30 UTC is 07:30 in Stockholm but still 02:30 in New York.
    expect(openPeriod('weekly_digest', new Date('2026-05-18T06:30:00Z'), STOCKHOLM)).toBe('2026-W21');
    expect(openPeriod('weekly_digest', new Date('2026-05-18T06:30:00Z'), 'America/New_York')).toBeNull();
  });
});

describe('afterFailedSend', () => {
  it.each([
    [1, { retryInMs: 60_000 }],
    [2, { retryInMs: 300_000 }],
    [3, { retryInMs: 1_800_000 }],
    [4, { retryInMs: 7_200_000 }],
    [MAX_SEND_ATTEMPTS, 'give_up'],
    [MAX_SEND_ATTEMPTS + 1, 'give_up'],
  ] as const)('attempt %s → %j', (attempts, expected) => {
    expect(afterFailedSend(attempts)).toEqual(expected);
  });
});
