import { describe, expect, it } from 'vitest';
import { confidenceMove, meetingKeyResult, sectionFigures, type MeetingKeyResultRow } from './weekly-meeting.ts';

const row = (overrides: Partial<MeetingKeyResultRow> = {}): MeetingKeyResultRow => ({
  id: 'kr',
  title: 'Ledtid ner till 5 dagar',
  objectiveId: 'o',
  objectiveTitle: 'Snabbare leveranser',
  objectiveDone: false,
  ownerName: 'Elin',
  metric: 'decrease_to',
  start: 12,
  target: 5,
  current: 8,
  unit: 'dagar',
  confidence: 6,
  lastCheckInAt: new Date('2026-05-14T09:00:00Z'),
  createdAt: new Date('2026-04-01T09:00:00Z'),
  previousValue: 10,
  previousConfidence: 6,
  notes: [],
  ...overrides,
});
const context = { now: new Date('2026-05-15T10:00:00Z'), expected: 0.5, cadenceDays: 7 };

describe('the weekly meeting’s key results', () => {
  it('reads confidence moves, a first confidence as new, and none without one', () => {
    expect(confidenceMove(5, 7)).toBe('up');
    expect(confidenceMove(7, 5)).toBe('down');
    expect(confidenceMove(6, 6)).toBe('same');
    expect(confidenceMove(null, 6)).toBe('new');
    expect(confidenceMove(null, null)).toBe('none');
  });

  it('measures the week’s change along the metric, from the start when nothing was checked in a week ago', () => {
    const kr = meetingKeyResult(row(), context);
    // Decreasing from 12 to 5: 10 is 2/7 of the way, 8 is 4/7.
    expect(kr.previousProgress).toBeCloseTo(2 / 7);
    expect(kr.progress).toBeCloseTo(4 / 7);
    expect(kr).toMatchObject({ confidenceMove: 'same', due: false, checkedInThisWeek: true });
    expect(meetingKeyResult(row({ previousValue: null }), context).previousProgress).toBe(0);
  });

  it('owes a check-in after the cadence, counting from creation when there is none', () => {
    const quiet = row({ lastCheckInAt: new Date('2026-05-07T09:00:00Z') });
    expect(meetingKeyResult(quiet, context)).toMatchObject({ due: true, checkedInThisWeek: false });
    const fresh = row({ lastCheckInAt: null, createdAt: new Date('2026-05-12T09:00:00Z') });
    expect(meetingKeyResult(fresh, context).due).toBe(false);
    expect(meetingKeyResult({ ...quiet, objectiveDone: true }, context).due).toBe(false);
  });

  it('counts a section’s blockers, owed check-ins and falling confidence', () => {
    const blocker = { id: 'n', note: 'Lokalen saknas', blocker: true, authorName: 'Elin', createdAt: '' };
    const krs = [
      meetingKeyResult(row({ notes: [blocker, { ...blocker, id: 'm', blocker: false }] }), context),
      meetingKeyResult(row({ confidence: 3, lastCheckInAt: new Date('2026-05-01T09:00:00Z') }), context),
    ];
    expect(sectionFigures(krs)).toEqual({ blockers: 1, due: 1, confidenceDown: 1 });
  });
});
