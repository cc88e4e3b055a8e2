// The weekly check-in meeting of a unit (app/meetings/weekly-meeting.ts).
import { Type } from 'typebox';
import { DateOnly, Nullable, Timestamp, Uuid } from './common.ts';
import { KeyResultMeasureFields, Status } from './objective.ts';

export const WeeklyMeetingQuery = Type.Object({ cycleId: Uuid }, { additionalProperties: false });

const MeetingNote = Type.Object({
  id: Uuid,
  note: Type.String(),
  blocker: Type.Boolean({ description: 'Flagged by its author as something that stops progress' }),
  authorName: Nullable(Type.String()),
  createdAt: Timestamp,
});

const MeetingKeyResult = Type.Object({
  id: Uuid,
  title: Type.String(),
  objectiveId: Uuid,
  objectiveTitle: Type.String(),
  objectiveDone: Type.Boolean({ description: 'Its objective was marked done before the cycle closed' }),
  ownerName: Nullable(Type.String()),
  ...KeyResultMeasureFields,
  confidence: Nullable(Type.Integer()),
  lastCheckInAt: Nullable(Timestamp),
  previousValue: Nullable(Type.Number({ description: 'The value a week ago; null if not checked in by then' })),
  previousConfidence: Nullable(Type.Integer()),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  previousProgress: Type.Number({ minimum: 0, maximum: 1 }),
  status: Status,
  confidenceMove: Type.Enum(['up', 'down', 'same', 'new', 'none']),
  due: Type.Boolean({ description: 'Its owner owes a check-in by the cadence' }),
  checkedInThisWeek: Type.Boolean(),
  notes: Type.Array(MeetingNote, { description: 'The week’s notes and blockers, newest first (at most 5)' }),
});

export const WeeklyMeetingSchema = Type.Object({
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  cycle: Type.Object({ id: Uuid, name: Type.String(), startsOn: DateOnly, endsOn: DateOnly }),
  since: Timestamp,
  sections: Type.Array(
    Type.Object({
      kind: Type.Enum(['team', 'person']),
      personId: Nullable(Uuid),
      name: Type.String(),
      lead: Type.Boolean(),
      figures: Type.Object({ blockers: Type.Integer(), due: Type.Integer(), confidenceDown: Type.Integer() }),
      keyResults: Type.Array(MeetingKeyResult),
    }),
    { description: 'The team’s key results first, then each member’s own (leads first)' },
  ),
});
