// Messages of every kind, for the tests of both chats' renderings: the same input, so that
// Slack and Teams are held to the same words and figures.
import type { Locale } from '../domain.ts';
import type { ChatMessage, ChatMessageKind } from './chat-message.ts';

export type MessageOfKind<K extends ChatMessageKind> = Extract<ChatMessage, { kind: K }>;

export const APP = 'https://okr.example.se/orgs/7f3c';

/** A title that would be a link, a mention and formatting if it were not escaped. */
export const HOSTILE_TITLE = '<https://evil.example|click> & *bold* [here](https://evil.example) <!channel>';

export function exampleMessages(locale: Locale): { [K in ChatMessageKind]: MessageOfKind<K> } {
  return {
    'weekly-digest': {
      kind: 'weekly-digest',
      locale,
      link: `${APP}/units/sales`,
      periodName: 'Q4 2026',
      scopeName: 'Säljteamet',
      statusCounts: { on_track: 3, at_risk: 1, off_track: 2 },
      averageProgress: 0.42,
      dueCheckIns: 4,
      objectives: [
        { title: 'Öka återkommande intäkter', progress: 0.5, status: 'on_track', link: `${APP}/objectives/o1` },
        { title: 'Nöjdare kunder', progress: 0.25, status: 'at_risk', link: `${APP}/objectives/o2` },
      ],
    },
    'check-ins-due': {
      kind: 'check-ins-due',
      locale,
      link: `${APP}/week`,
      scopeName: 'Säljteamet',
      dueCount: 12,
      keyResults: Array.from({ length: 11 }, (_, i) => ({
        title: `Nyckelresultat ${i + 1}`,
        ownerName: i === 0 ? null : 'Anna Lind',
        objectiveTitle: 'Öka återkommande intäkter',
        link: `${APP}/objectives/o1#kr${i + 1}`,
      })),
    },
    'cycle-closing': {
      kind: 'cycle-closing',
      locale,
      link: `${APP}/cycles/q4/close`,
      cycleName: 'Q4 2026',
      endsOn: '2026-12-31',
      daysLeft: 5,
      unscoredObjectives: 3,
    },
    'cycle-closed': {
      kind: 'cycle-closed',
      locale,
      link: `${APP}?cycle=q4`,
      cycleName: 'Q4 2026',
      objectives: 12,
      scoredObjectives: 10,
      averageScore: 0.64,
    },
    'check-in': {
      kind: 'check-in',
      locale,
      link: `${APP}/objectives/o1`,
      keyResultTitle: 'Månatliga intäkter',
      objectiveTitle: 'Öka återkommande intäkter',
      authorName: 'Anna Lind',
      value: 1234.5,
      target: 2000,
      unit: 'kr',
      confidence: 7,
      note: 'Två nya avtal i veckan.',
    },
  };
}

/** Every example, in both languages. */
export const ALL_EXAMPLES: ChatMessage[] = (['sv', 'en'] as const).flatMap((locale) =>
  Object.values(exampleMessages(locale)),
);
