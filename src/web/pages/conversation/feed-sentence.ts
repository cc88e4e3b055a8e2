// Which sentence a feed item reads as, and with what values: kept apart from rendering so
// the choice (e.g. a finished activity, a check-in without confidence) is easy to follow.
import type { FeedItem } from '../../api/types.ts';

export interface Sentence {
  /** A key under conversation:feed.action. */
  key: string;
  values: Record<string, string>;
}

/** A figure of a check-in, or a dash where there is none. */
const figure = (value: number | null | undefined, number: (n: number) => string) =>
  value === null || value === undefined ? '–' : number(value);

export function feedSentence(
  item: FeedItem,
  words: { actor: string; fields: (fields: string[]) => string; number: (n: number) => string },
): Sentence {
  const d = item.details;
  const values: Record<string, string> = {
    actor: words.actor,
    objective: item.objective?.title ?? '',
    keyResult: item.keyResult?.title ?? '',
    name: d.name ?? '',
    unit: item.unit?.name ?? '',
  };
  const fields = d.fields ?? [];
  switch (item.action) {
    case 'checkIn.create': {
      const from = figure(d.from, words.number);
      const to = figure(d.to, words.number);
      if (d.confidence === null || d.confidence === undefined)
        return { key: 'checkInCreateNoConfidence', values: { ...values, from, to } };
      return { key: 'checkInCreate', values: { ...values, from, to, confidence: String(d.confidence) } };
    }
    case 'checkIn.update':
      return {
        key: 'checkInUpdate',
        values: { ...values, from: figure(d.from, words.number), to: figure(d.to, words.number) },
      };
    case 'checkIn.delete':
      return { key: 'checkInDelete', values: { ...values, from: figure(d.from, words.number) } };
    case 'objective.update':
      if (fields.length === 1 && fields[0] === 'lifecycle' && d.status === 'published')
        return { key: 'objectivePublished', values };
      return fields.length
        ? { key: 'objectiveUpdate', values: { ...values, fields: words.fields(fields) } }
        : { key: 'objectiveUpdateNoFields', values };
    case 'keyResult.update':
      return fields.length
        ? { key: 'keyResultUpdate', values: { ...values, fields: words.fields(fields) } }
        : { key: 'keyResultUpdateNoFields', values };
    case 'activity.update':
      return fields.includes('status') && d.status === 'done'
        ? { key: 'activityDone', values }
        : { key: 'activityUpdate', values };
    case 'objective.score':
      // Closing the cycle fills in suggested scores: the one who closed it did not give them.
      if (d.suggested && d.score !== null && d.score !== undefined)
        return { key: 'objectiveScoreSuggested', values: { ...values, score: words.number(d.score) } };
      return d.score === null || d.score === undefined
        ? { key: 'objectiveScoreNoValue', values }
        : { key: 'objectiveScore', values: { ...values, score: words.number(d.score) } };
    default:
      return { key: item.action.replace(/[._](\w)/g, (_, c: string) => c.toUpperCase()), values };
  }
}
