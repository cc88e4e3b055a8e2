// The activity feed is read from the audit log: the events below are the ones people
// care to follow (what happened to OKRs), not the administrative ones (sign-ins, members,
// tokens). `feedDetails` keeps only what the feed's sentence needs from an event's
// before and after, so the feed never hands out the whole audited row.
import { excerpt } from './mentions.ts';

export const FEED_ACTIONS = [
  'objective.create',
  'objective.update',
  'objective.archive',
  'objective.restore',
  'objective.score',
  'objective.carry_over',
  'keyResult.create',
  'keyResult.update',
  'keyResult.archive',
  'keyResult.restore',
  'checkIn.create',
  'checkIn.update',
  'checkIn.delete',
  'activity.create',
  'activity.update',
  'activity.archive',
  'comment.create',
  'cycle.close',
  'cycle.reopen',
  'unit.reflect',
] as const;
export type FeedAction = (typeof FEED_ACTIONS)[number];

/** Fields whose change the feed names ("changed the title and target"); others are not shown. */
export const FEED_FIELDS = [
  'title',
  'description',
  'kind',
  'visibility',
  'lifecycle',
  'cycleId',
  'supports',
  'metric',
  'startValue',
  'targetValue',
  'unit',
  'weight',
  'ownerId',
  'status',
  'dueOn',
  'finalScore',
] as const;
export type FeedField = (typeof FEED_FIELDS)[number];

export interface FeedDetails {
  /** Check-in: the value before and after, and the new confidence. */
  from?: number | null;
  to?: number | null;
  confidence?: number | null;
  /** Updates: the fields that changed, in FEED_FIELDS order. */
  fields?: FeedField[];
  /** An activity's title or a cycle's name: things the feed does not join by id. */
  name?: string;
  /** An activity's status or an objective's lifecycle after the change. */
  status?: string;
  /** A final score after scoring. */
  score?: number | null;
  /** The score was suggested from progress when the cycle closed, not given by a person. */
  suggested?: boolean;
  /** A comment's text, shortened, mentions as @Name. */
  excerpt?: string;
}

type Json = Record<string, unknown> | null | undefined;

const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const num = (value: unknown): number | null | undefined =>
  typeof value === 'number' ? value : value === null ? null : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function changedFields(before: Json, after: Json): FeedField[] {
  if (!before || !after) return [];
  return FEED_FIELDS.filter(
    (field) => field in after && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

function compact(details: FeedDetails): FeedDetails {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as FeedDetails;
}

/** What a commented event's comment says now: its latest text, or that it was removed. */
export interface CommentNow {
  body: string;
  removed: boolean;
}

/**
 * `comment` is the comment as it is now, when the event is about one: the feed quotes its
 * latest text, and nothing of a removed one (the audit log keeps what it said).
 */
export function feedDetails(
  action: string,
  beforeValue: unknown,
  afterValue: unknown,
  comment?: CommentNow | null,
): FeedDetails {
  const before = asObject(beforeValue);
  const after = asObject(afterValue);
  switch (action) {
    case 'checkIn.create':
    case 'checkIn.update':
      return compact({ from: num(before?.current), to: num(after?.current), confidence: num(after?.confidence) });
    case 'checkIn.delete':
      return compact({ from: num(before?.current), confidence: num(before?.confidence) });
    case 'objective.update':
      return compact({ fields: changedFields(before, after), status: str(after?.lifecycle) });
    case 'keyResult.update':
      return { fields: changedFields(before, after) };
    case 'activity.create':
    case 'activity.archive':
      return compact({ name: str(after?.title) ?? str(before?.title), status: str(after?.status) });
    case 'activity.update':
      return compact({
        name: str(after?.title) ?? str(before?.title),
        fields: changedFields(before, after),
        status: str(after?.status),
      });
    case 'objective.score':
      return compact({ score: num(after?.finalScore), suggested: after?.suggested === true ? true : undefined });
    case 'cycle.close':
    case 'cycle.reopen':
      return compact({ name: str(after?.name) ?? str(before?.name) });
    case 'comment.create': {
      const body = comment ? (comment.removed ? undefined : comment.body) : str(after?.body);
      return body === undefined ? {} : { excerpt: excerpt(body, 160) };
    }
    default:
      return {};
  }
}
