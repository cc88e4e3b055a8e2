// The scheduled e-mails — the mid-week check-in reminder and the Monday digest — in both
// languages. Plain text: every mail client shows it, and nothing in it can run.
import type { Locale, Status } from '../../core/domain.ts';
import type { RenderedMessage } from './templates.ts';

export interface DueKeyResult {
  title: string;
  objectiveTitle: string;
}

export interface ObjectiveSummary {
  title: string;
  /** 0–1. */
  progress: number;
  status: Status;
}

export interface CheckInReminderParams {
  name: string;
  orgName: string;
  dueKeyResults: DueKeyResult[];
  /** The person's "My week" page. */
  link: string;
}

export interface WeeklyDigestParams {
  name: string;
  orgName: string;
  /** ISO week number. */
  week: number;
  dueKeyResults: DueKeyResult[];
  objectives: ObjectiveSummary[];
  link: string;
}

const STATUS: Record<Locale, Record<Status, string>> = {
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' },
  sv: { on_track: 'i fas', at_risk: 'i riskzonen', off_track: 'efter plan' },
};

const percent = (locale: Locale, share: number) =>
  locale === 'sv' ? `${Math.round(share * 100)} %` : `${Math.round(share * 100)}%`;

/** E-mail greets people by their first name, as colleagues do. */
const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

const bullets = (items: DueKeyResult[], locale: Locale) =>
  locale === 'sv'
    ? items.map((kr) => `  • ${kr.title} (på ”${kr.objectiveTitle}”)`).join('\n')
    : items.map((kr) => `  • ${kr.title} (on “${kr.objectiveTitle}”)`).join('\n');

const objectiveLines = (items: ObjectiveSummary[], locale: Locale) =>
  items.map((o) => `  • ${o.title}: ${percent(locale, o.progress)}, ${STATUS[locale][o.status]}`).join('\n');

export const CHECK_IN_REMINDER: Record<Locale, (p: CheckInReminderParams) => RenderedMessage> = {
  en: (p) => ({
    subject:
      p.dueKeyResults.length === 1
        ? `Time to check in: “${p.dueKeyResults[0]?.title}”`
        : `Time to check in: ${p.dueKeyResults.length} key results`,
    text: [
      `Hi ${firstName(p.name)},`,
      '',
      `These key results of yours in ${p.orgName} are waiting for a check-in:`,
      bullets(p.dueKeyResults, 'en'),
      '',
      `A check-in takes a minute — the new value and how confident you are: ${p.link}`,
      '',
      'You get this reminder because check-in reminders are on in your settings.',
      '',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject:
      p.dueKeyResults.length === 1
        ? `Dags att stämma av: ”${p.dueKeyResults[0]?.title}”`
        : `Dags att stämma av: ${p.dueKeyResults.length} nyckelresultat`,
    text: [
      `Hej ${firstName(p.name)}!`,
      '',
      `De här nyckelresultaten som du äger i ${p.orgName} väntar på en avstämning:`,
      bullets(p.dueKeyResults, 'sv'),
      '',
      `En avstämning tar en minut – nytt värde och hur säker du är: ${p.link}`,
      '',
      'Du får den här påminnelsen eftersom påminnelser om avstämning är på i dina inställningar.',
      '',
    ].join('\n'),
  }),
};

export const WEEKLY_DIGEST: Record<Locale, (p: WeeklyDigestParams) => RenderedMessage> = {
  en: (p) => ({
    subject: `Your week in ${p.orgName}, week ${p.week}`,
    text: [
      `Hi ${firstName(p.name)},`,
      '',
      ...(p.dueKeyResults.length > 0
        ? ['Due for a check-in this week:', bullets(p.dueKeyResults, 'en'), '']
        : ['No check-ins are due: well done.', '']),
      ...(p.objectives.length > 0 ? ['Where your objectives stand:', objectiveLines(p.objectives, 'en'), ''] : []),
      `Plan your week: ${p.link}`,
      '',
      'You get this digest every Monday because the weekly digest is on in your settings.',
      '',
    ].join('\n'),
  }),
  sv: (p) => ({
    subject: `Din vecka i ${p.orgName}, vecka ${p.week}`,
    text: [
      `Hej ${firstName(p.name)}!`,
      '',
      ...(p.dueKeyResults.length > 0
        ? ['Dags att stämma av den här veckan:', bullets(p.dueKeyResults, 'sv'), '']
        : ['Inga avstämningar väntar – bra jobbat!', '']),
      ...(p.objectives.length > 0 ? ['Så går det för dina mål:', objectiveLines(p.objectives, 'sv'), ''] : []),
      `Planera din vecka: ${p.link}`,
      '',
      'Du får den här sammanfattningen varje måndag eftersom veckosammanfattningen är på i dina inställningar.',
      '',
    ].join('\n'),
  }),
};
