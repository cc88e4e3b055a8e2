// The words of the chat messages in Swedish and English, and what each message says: a
// title, a line of context, facts, a list and a button, all plain text. Slack and Teams
// render this one description, each with its own markup and escaping, so both say the same.
import type { Locale, Status } from '../domain.ts';
import { TEXT_LIMITS } from '../limits.ts';
import { SHEET_VALUE_NAMES } from '../okr-sheet-columns.ts';
import {
  CHAT_LIMITS,
  chatLink,
  cut,
  type ChatMessage,
  type CheckInMessage,
  type CheckInsDueMessage,
  type CycleClosedMessage,
  type CycleClosingMessage,
  type WeeklyDigestMessage,
} from './chat-message.ts';

export interface ChatFact {
  label: string;
  value: string;
}

export interface ChatListItem {
  title: string;
  link: string;
  /** A second, quieter line. */
  detail: string;
  /** A figure shown beside the item (its progress), or null. */
  figure: string | null;
}

export interface ChatList {
  heading: string;
  items: ChatListItem[];
  /** How many more there are than listed, in words, or null when all are listed. */
  more: string | null;
  /** The label of each item's own button. */
  openItem: string;
}

/** A message as plain text, before any chat's markup. */
export interface ChatContent {
  locale: Locale;
  /** The whole message in one sentence: the notification and the fallback where cards do not show. */
  summary: string;
  title: string;
  context: string | null;
  text: string | null;
  facts: ChatFact[];
  list: ChatList | null;
  /** Someone's own words (a check-in's note), shown as a quotation. */
  quote: string | null;
  action: { label: string; link: string };
}

const LANGUAGE_TAG: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE' };

/** Figures written as the language writes them (sv-SE: a decimal comma, a space before %). */
export function chatFigures(locale: Locale) {
  const tag = LANGUAGE_TAG[locale];
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const scores = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    number: (value: number) => numbers.format(value),
    percent: (share: number) => percents.format(share),
    /** A final score 0–1 as the method writes it: 0.7 (sv: 0,7). */
    score: (value: number) => scores.format(value),
    /** A calendar day 'YYYY-MM-DD', the same day wherever the server runs. */
    date: (isoDay: string) => dates.format(new Date(`${isoDay}T12:00:00Z`)),
  };
}

const enFigures = chatFigures('en');
const svFigures = chatFigures('sv');
// The app's own status words, as the pages and the downloaded sheets write them.
const STATUS_WORDS: Record<Locale, Record<Status, string>> = SHEET_VALUE_NAMES.status;

const en = {
  openInApp: 'Open in Riktning',
  openItem: 'Open',
  status: STATUS_WORDS.en,
  weeklyDigest: {
    title: (scope: string) => `Weekly digest: ${scope}`,
    averageProgress: 'Average progress',
    dueCheckIns: 'Due for a check-in',
    keyResults: (count: number) => (count === 1 ? '1 key result' : `${enFigures.number(count)} key results`),
    objectives: 'Objectives',
    summary: (scope: string, period: string, counts: string, average: string) =>
      `Weekly digest for ${scope} (${period}): ${counts}; average progress ${average}.`,
  },
  checkInsDue: {
    title: 'Time to check in',
    text: (count: number, scope: string) =>
      count === 0
        ? `No key results in ${scope} are waiting for a check-in.`
        : count === 1
          ? `1 key result in ${scope} is waiting for a check-in.`
          : `${enFigures.number(count)} key results in ${scope} are waiting for a check-in.`,
    keyResults: 'Key results',
    noOwner: 'No owner',
    more: (count: number) => `…and ${enFigures.number(count)} more`,
    openMyWeek: 'Open My week',
  },
  cycleClosing: {
    title: (cycle: string) => `The cycle closes soon: ${cycle}`,
    lastDay: 'Last day',
    daysLeft: 'Days left',
    unscored: 'Objectives without a final score',
    text: (unscored: number) =>
      unscored === 0
        ? 'Every objective has its final score.'
        : unscored === 1
          ? '1 objective still needs its final score before the cycle closes.'
          : `${enFigures.number(unscored)} objectives still need their final score before the cycle closes.`,
    summary: (cycle: string, days: number, lastDay: string) =>
      `${cycle} closes ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${enFigures.number(days)} days`} (${lastDay}).`,
  },
  cycleClosed: {
    title: (cycle: string) => `The cycle is closed: ${cycle}`,
    objectives: 'Objectives',
    scored: 'With a final score',
    averageScore: 'Average final score',
    noScore: 'None yet',
    text: 'Time to look back: what went well, what we learned and what we change.',
    summary: (cycle: string, scored: string, average: string | null) =>
      average === null
        ? `${cycle} is closed; no objective has a final score yet.`
        : `${cycle} is closed: ${scored} objectives scored, average ${average}.`,
  },
  checkIn: {
    title: (keyResult: string) => `Check-in: ${keyResult}`,
    context: (author: string, objective: string) => `By ${author} · Objective: ${objective}`,
    value: 'Value',
    valueOfTarget: (value: string, target: string) => `${value} of ${target}`,
    confidence: 'Confidence',
    confidenceValue: (confidence: number) => `${enFigures.number(confidence)}/10`,
    noConfidence: 'Not given',
    summary: (author: string, keyResult: string, value: string) => `${author} checked in on “${keyResult}”: ${value}.`,
  },
};

export type ChatTexts = typeof en;

const sv: ChatTexts = {
  openInApp: 'Öppna i Riktning',
  openItem: 'Öppna',
  status: STATUS_WORDS.sv,
  weeklyDigest: {
    title: (scope) => `Veckosammanfattning: ${scope}`,
    averageProgress: 'Genomsnittligt framsteg',
    dueCheckIns: 'Dags att stämma av',
    keyResults: (count) => `${svFigures.number(count)} nyckelresultat`,
    objectives: 'Mål',
    summary: (scope, period, counts, average) =>
      `Veckosammanfattning för ${scope} (${period}): ${counts}; genomsnittligt framsteg ${average}.`,
  },
  checkInsDue: {
    title: 'Dags att stämma av',
    text: (count, scope) =>
      count === 0
        ? `Inga nyckelresultat i ${scope} väntar på en avstämning.`
        : `${svFigures.number(count)} nyckelresultat i ${scope} väntar på en avstämning.`,
    keyResults: 'Nyckelresultat',
    noOwner: 'Ingen ägare',
    more: (count) => `…och ${svFigures.number(count)} till`,
    openMyWeek: 'Öppna Min vecka',
  },
  cycleClosing: {
    title: (cycle) => `Perioden stänger snart: ${cycle}`,
    lastDay: 'Sista dag',
    daysLeft: 'Dagar kvar',
    unscored: 'Mål utan slutpoäng',
    text: (unscored) =>
      unscored === 0
        ? 'Alla mål har fått sin slutpoäng.'
        : `${svFigures.number(unscored)} mål saknar fortfarande slutpoäng inför att perioden stänger.`,
    summary: (cycle, days, lastDay) =>
      `${cycle} stänger ${days === 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${svFigures.number(days)} dagar`} (${lastDay}).`,
  },
  cycleClosed: {
    title: (cycle) => `Perioden är avslutad: ${cycle}`,
    objectives: 'Mål',
    scored: 'Med slutpoäng',
    averageScore: 'Genomsnittlig slutpoäng',
    noScore: 'Ingen ännu',
    text: 'Dags att se tillbaka: vad gick bra, vad lärde vi oss och vad ändrar vi.',
    summary: (cycle, scored, average) =>
      average === null
        ? `${cycle} är avslutad; inget mål har slutpoäng än.`
        : `${cycle} är avslutad: ${scored} mål har slutpoäng, i snitt ${average}.`,
  },
  checkIn: {
    title: (keyResult) => `Avstämning: ${keyResult}`,
    context: (author, objective) => `Av ${author} · Mål: ${objective}`,
    value: 'Värde',
    valueOfTarget: (value, target) => `${value} av ${target}`,
    confidence: 'Tilltro',
    confidenceValue: (confidence) => `${svFigures.number(confidence)}/10`,
    noConfidence: 'Ej angiven',
    summary: (author, keyResult, value) => `${author} har stämt av ”${keyResult}”: ${value}.`,
  },
};

export const CHAT_TEXTS: Record<Locale, ChatTexts> = { en, sv };

/**
 * Titles the API accepts are no longer than this already; the cut bounds a message built
 * from anything else, so that it stays within a chat's size limits.
 */
const title = (text: string) => cut(text, TEXT_LIMITS.title);

/** A list to show, or none when it would be empty. */
const listOf = (heading: string, items: ChatListItem[], more: string | null, texts: ChatTexts): ChatList | null =>
  items.length === 0 ? null : { heading, items, more, openItem: texts.openItem };

/** What the message says, in its language. */
export function describeChatMessage(message: ChatMessage): ChatContent {
  switch (message.kind) {
    case 'weekly-digest':
      return describeWeeklyDigest(message);
    case 'check-ins-due':
      return describeCheckInsDue(message);
    case 'cycle-closing':
      return describeCycleClosing(message);
    case 'cycle-closed':
      return describeCycleClosed(message);
    case 'check-in':
      return describeCheckIn(message);
  }
}

function describeWeeklyDigest(message: WeeklyDigestMessage): ChatContent {
  const { locale } = message;
  const texts = CHAT_TEXTS[locale];
  const words = texts.weeklyDigest;
  const figures = chatFigures(locale);
  const scope = title(message.scopeName);
  const period = title(message.periodName);
  const statuses = Object.entries(texts.status) as [Status, string][];
  const average = figures.percent(message.averageProgress);
  const counts = statuses
    .map(([status, word]) => `${figures.number(message.statusCounts[status])} ${word.toLocaleLowerCase(locale)}`)
    .join(', ');
  const objectives = message.objectives.slice(0, CHAT_LIMITS.digestObjectives);
  return {
    locale,
    summary: words.summary(scope, period, counts, average),
    title: words.title(scope),
    context: period,
    text: null,
    facts: [
      ...statuses.map(([status, word]) => ({ label: word, value: figures.number(message.statusCounts[status]) })),
      { label: words.averageProgress, value: average },
      { label: words.dueCheckIns, value: words.keyResults(message.dueCheckIns) },
    ],
    list: listOf(
      words.objectives,
      objectives.map((objective) => ({
        title: title(objective.title),
        link: chatLink(objective.link),
        detail: texts.status[objective.status],
        figure: figures.percent(objective.progress),
      })),
      null,
      texts,
    ),
    quote: null,
    action: { label: texts.openInApp, link: chatLink(message.link) },
  };
}

function describeCheckInsDue(message: CheckInsDueMessage): ChatContent {
  const texts = CHAT_TEXTS[message.locale];
  const words = texts.checkInsDue;
  const keyResults = message.keyResults.slice(0, CHAT_LIMITS.dueKeyResults);
  const text = words.text(message.dueCount, title(message.scopeName));
  const unlisted = message.dueCount - keyResults.length;
  return {
    locale: message.locale,
    summary: `${words.title}: ${text}`,
    title: words.title,
    context: null,
    text,
    facts: [],
    list: listOf(
      words.keyResults,
      keyResults.map((keyResult) => ({
        title: title(keyResult.title),
        link: chatLink(keyResult.link),
        detail: `${keyResult.ownerName ?? words.noOwner} · ${title(keyResult.objectiveTitle)}`,
        figure: null,
      })),
      unlisted > 0 ? words.more(unlisted) : null,
      texts,
    ),
    quote: null,
    action: { label: words.openMyWeek, link: chatLink(message.link) },
  };
}

function describeCycleClosing(message: CycleClosingMessage): ChatContent {
  const texts = CHAT_TEXTS[message.locale];
  const words = texts.cycleClosing;
  const figures = chatFigures(message.locale);
  const cycle = title(message.cycleName);
  const lastDay = figures.date(message.endsOn);
  const text = words.text(message.unscoredObjectives);
  return {
    locale: message.locale,
    summary: `${words.summary(cycle, message.daysLeft, lastDay)} ${text}`,
    title: words.title(cycle),
    context: null,
    text,
    facts: [
      { label: words.lastDay, value: lastDay },
      { label: words.daysLeft, value: figures.number(message.daysLeft) },
      { label: words.unscored, value: figures.number(message.unscoredObjectives) },
    ],
    list: null,
    quote: null,
    action: { label: texts.openInApp, link: chatLink(message.link) },
  };
}

function describeCycleClosed(message: CycleClosedMessage): ChatContent {
  const texts = CHAT_TEXTS[message.locale];
  const words = texts.cycleClosed;
  const figures = chatFigures(message.locale);
  const cycle = title(message.cycleName);
  // A final score is 0–1, written as the method writes it: 0.7.
  const average = message.averageScore === null ? null : figures.score(message.averageScore);
  const scored = `${figures.number(message.scoredObjectives)}/${figures.number(message.objectives)}`;
  return {
    locale: message.locale,
    summary: words.summary(cycle, scored, average),
    title: words.title(cycle),
    context: null,
    text: words.text,
    facts: [
      { label: words.objectives, value: figures.number(message.objectives) },
      { label: words.scored, value: figures.number(message.scoredObjectives) },
      { label: words.averageScore, value: average ?? words.noScore },
    ],
    list: null,
    quote: null,
    action: { label: texts.openInApp, link: chatLink(message.link) },
  };
}

function describeCheckIn(message: CheckInMessage): ChatContent {
  const texts = CHAT_TEXTS[message.locale];
  const words = texts.checkIn;
  const figures = chatFigures(message.locale);
  const keyResult = title(message.keyResultTitle);
  const withUnit = (value: number) => `${figures.number(value)} ${message.unit}`.trim();
  const value = words.valueOfTarget(withUnit(message.value), withUnit(message.target));
  const note = message.note?.trim();
  return {
    locale: message.locale,
    summary: words.summary(message.authorName, keyResult, value),
    title: words.title(keyResult),
    context: words.context(message.authorName, title(message.objectiveTitle)),
    text: null,
    facts: [
      { label: words.value, value },
      {
        label: words.confidence,
        value: message.confidence === null ? words.noConfidence : words.confidenceValue(message.confidence),
      },
    ],
    list: null,
    quote: note ? cut(note, CHAT_LIMITS.noteLength) : null,
    action: { label: texts.openInApp, link: chatLink(message.link) },
  };
}
