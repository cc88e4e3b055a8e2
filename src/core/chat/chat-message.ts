// What Riktning posts to a Slack or Teams channel (issue 12), before it is any chat's format:
// slack-message.ts and teams-message.ts render the same message, and chat-texts.ts words it
// in the organisation's language. Links are absolute: a channel has no page to be relative to.
import type { Locale, Status } from '../domain.ts';

interface ChatMessageBase {
  locale: Locale;
  /** Where the message's main button leads, an absolute http(s) URL into the web app. */
  link: string;
}

export interface DigestObjective {
  title: string;
  /** 0–1. */
  progress: number;
  status: Status;
  link: string;
}

/** Monday's summary of an organisation or a unit; `link` is the scope's page. */
export interface WeeklyDigestMessage extends ChatMessageBase {
  kind: 'weekly-digest';
  periodName: string;
  scopeName: string;
  statusCounts: Record<Status, number>;
  /** 0–1. */
  averageProgress: number;
  dueCheckIns: number;
  /** The first CHAT_LIMITS.digestObjectives are shown. */
  objectives: readonly DigestObjective[];
}

export interface DueKeyResult {
  title: string;
  ownerName: string | null;
  objectiveTitle: string;
  link: string;
}

/** Key results waiting for a check-in; `link` is "My week" (/orgs/{orgId}/week). */
export interface CheckInsDueMessage extends ChatMessageBase {
  kind: 'check-ins-due';
  scopeName: string;
  /** All that are due, which may be more than the key results listed. */
  dueCount: number;
  /** The first CHAT_LIMITS.dueKeyResults are shown. */
  keyResults: readonly DueKeyResult[];
}

/** A cycle near its end with objectives still to score; `link` is its closing page. */
export interface CycleClosingMessage extends ChatMessageBase {
  kind: 'cycle-closing';
  cycleName: string;
  /** The cycle's last day, 'YYYY-MM-DD'. */
  endsOn: string;
  daysLeft: number;
  unscoredObjectives: number;
}

/** A cycle just closed: how its objectives were scored; `link` is the scope's page in that cycle. */
export interface CycleClosedMessage extends ChatMessageBase {
  kind: 'cycle-closed';
  cycleName: string;
  objectives: number;
  scoredObjectives: number;
  /** The mean final score (0–1) of the scored objectives, or null when none is scored. */
  averageScore: number | null;
}

/** One check-in on a key result; `link` is its objective. */
export interface CheckInMessage extends ChatMessageBase {
  kind: 'check-in';
  keyResultTitle: string;
  objectiveTitle: string;
  authorName: string;
  value: number;
  target: number;
  /** The key result's unit of measure, '' for none. */
  unit: string;
  /** 0–10, or null when the author gave none. */
  confidence: number | null;
  note: string | null;
}

export type ChatMessage =
  WeeklyDigestMessage | CheckInsDueMessage | CycleClosingMessage | CycleClosedMessage | CheckInMessage;
export type ChatMessageKind = ChatMessage['kind'];

export const CHAT_LIMITS = {
  digestObjectives: 5,
  dueKeyResults: 10,
  /** A note is a glimpse in a channel; the whole of it is one click away. */
  noteLength: 300,
  /** Slack's limit for a button's URL, the stricter of the two chats. */
  linkLength: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * The text cut to at most `max` UTF-16 units (the stricter count: Slack's and Teams' limits
 * may count characters), ending in an ellipsis when cut; never inside a surrogate pair.
 * `write` may escape each character: the cut then falls between escapes, never inside one.
 */
export function cut(text: string, max: number, write: (char: string) => string = (char) => char): string {
  const pieces = Array.from(text, write);
  const whole = pieces.join('');
  if (whole.length <= max) return whole;
  let kept = '';
  for (const piece of pieces) {
    if (kept.length + piece.length + ELLIPSIS.length > max) break;
    kept += piece;
  }
  return kept + ELLIPSIS;
}

/**
 * The link as a chat may carry it. A cut or relative link would lead nowhere, so a link that
 * is not an absolute http(s) URL within the limit is the caller's mistake and throws.
 */
export function chatLink(link: string): string {
  const url = URL.canParse(link) ? new URL(link) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new RangeError(`A chat message's link must be an absolute http(s) URL: ${link}`);
  }
  if (url.href.length > CHAT_LIMITS.linkLength) {
    throw new RangeError(`A chat message's link may have at most ${CHAT_LIMITS.linkLength} characters`);
  }
  return url.href;
}
