// The weekly check-in meeting (DESIGN.md: the method lives in a short weekly meeting per
// team): for each key result, where it stands now against where it stood a week ago, how
// confidence moved, what blocks it and whether a check-in is owed. Pure functions over
// rows the use case read; no I/O.
import { isCheckInDue } from './check-in-due.ts';
import type { Metric, Status } from './domain.ts';
import { keyResultProgress } from './progress.ts';
import { suggestedStatus } from './status.ts';

/** How long "since last week" reaches back. */
export const MEETING_WEEK_MS = 7 * 86_400_000;

/** A check-in note of the week, or a blocker. */
export interface MeetingNote {
  id: string;
  note: string;
  blocker: boolean;
  authorName: string | null;
  createdAt: string;
}

/** A key result as the meeting's statement reads it. */
export interface MeetingKeyResultRow {
  id: string;
  title: string;
  objectiveId: string;
  objectiveTitle: string;
  /** Its objective was marked done before the cycle closed: nothing is owed. */
  objectiveDone: boolean;
  ownerName: string | null;
  metric: Metric;
  start: number;
  target: number;
  current: number;
  unit: string;
  confidence: number | null;
  lastCheckInAt: Date | null;
  createdAt: Date;
  /** The latest check-in's value and confidence a week ago; null if none was made by then. */
  previousValue: number | null;
  previousConfidence: number | null;
  /** The week's check-in notes (with text or flagged as blockers), newest first. */
  notes: MeetingNote[];
}

export type ConfidenceMove = 'up' | 'down' | 'same' | 'new' | 'none';

export interface MeetingKeyResult extends Omit<MeetingKeyResultRow, 'lastCheckInAt' | 'createdAt'> {
  lastCheckInAt: string | null;
  progress: number;
  /** Progress a week ago: from the week-old value, else from the start. */
  previousProgress: number;
  status: Status;
  confidenceMove: ConfidenceMove;
  /** The owner owes a check-in by the cadence. */
  due: boolean;
  /** Checked in during the week. */
  checkedInThisWeek: boolean;
}

/** How confidence moved over the week: `new` when the first confidence came this week. */
export function confidenceMove(previous: number | null, current: number | null): ConfidenceMove {
  if (current === null) return 'none';
  if (previous === null) return 'new';
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

export interface MeetingContext {
  now: Date;
  /** Expected progress in the cycle by now (core/progress.ts expectedProgress). */
  expected: number;
  cadenceDays: number;
}

export function meetingKeyResult(row: MeetingKeyResultRow, { now, expected, cadenceDays }: MeetingContext) {
  const progressOf = (current: number) =>
    keyResultProgress({ metric: row.metric, start: row.start, target: row.target, current });
  const progress = progressOf(row.current);
  const since = now.getTime() - MEETING_WEEK_MS;
  const { lastCheckInAt, createdAt, ...rest } = row;
  return {
    ...rest,
    lastCheckInAt: lastCheckInAt?.toISOString() ?? null,
    progress,
    previousProgress: progressOf(row.previousValue ?? row.start),
    status: suggestedStatus({ progress, expected, confidence: row.confidence }),
    confidenceMove: confidenceMove(row.previousConfidence, row.confidence),
    due: isCheckInDue(lastCheckInAt, createdAt, cadenceDays, now, row.objectiveDone),
    checkedInThisWeek: lastCheckInAt !== null && lastCheckInAt.getTime() > since,
  } satisfies MeetingKeyResult;
}

/** What a section's heading counts: blockers and owed check-ins first, as the meeting starts with them. */
export function sectionFigures(keyResults: readonly MeetingKeyResult[]) {
  return {
    blockers: keyResults.reduce((n, kr) => n + kr.notes.filter((note) => note.blocker).length, 0),
    due: keyResults.filter((kr) => kr.due).length,
    confidenceDown: keyResults.filter((kr) => kr.confidenceMove === 'down').length,
  };
}
