// A Slack or Teams channel as Riktning posts to it (issue 12): which chat, which messages it
// wants, whether an incoming-webhook URL is one of that chat's, how the URL is shown once it
// is stored (it is a secret: whoever holds it may post in the channel), and the body posted.
import type { ChatMessage, ChatMessageKind } from './chat-message.ts';
import { toSlackMessage } from './slack-message.ts';
import { toTeamsMessage } from './teams-message.ts';

export const CHAT_KINDS = ['slack', 'teams'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

/** The messages a channel may want, in the order the app lists them. */
export const CHAT_MESSAGE_KINDS = [
  'weekly-digest',
  'check-ins-due',
  'cycle-closing',
  'check-in',
] as const satisfies readonly ChatMessageKind[];

/** Every check-in is a lot of messages in a busy channel: it is chosen, never assumed. */
export const DEFAULT_CHAT_MESSAGES: readonly ChatMessageKind[] = ['weekly-digest', 'check-ins-due', 'cycle-closing'];

/** How many days before its last day a cycle's closing is posted. */
export const CYCLE_CLOSING_DAYS = 7;

const SLACK_HOST = 'hooks.slack.com';
/** Slack's incoming webhooks (/services/…) and workflow webhooks (/triggers/…). */
const SLACK_PATH = /^\/(services|triggers)\/[^/]+\/.+/;
/**
 * Teams: the classic connectors (…webhook.office.com/webhookb2/…), and the Workflows that
 * replace them ("post to a channel when a webhook request is received"), which Power
 * Automate serves from *.environment.api.powerplatform.com and Logic Apps from
 * *.logic.azure.com.
 */
const TEAMS_HOSTS = [/\.webhook\.office\.com$/, /\.environment\.api\.powerplatform\.com$/, /\.logic\.azure\.com$/];

/**
 * Why `url` is not an incoming webhook of `kind`, as a problem key, or null when it is one.
 * With `anyAddress` (RIKTNING_WEBHOOK_ALLOW_PRIVATE=1: tests, an intranet's own relay) any
 * http(s) address without credentials is taken.
 */
export function chatUrlProblem(kind: ChatKind, url: string, anyAddress: boolean): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || parsed.username || parsed.password) return 'chat_url';
  if (anyAddress && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) return null;
  if (parsed.protocol !== 'https:') return 'chat_url';
  const host = parsed.hostname.toLowerCase();
  if (kind === 'slack') return host === SLACK_HOST && SLACK_PATH.test(parsed.pathname) ? null : 'chat_url_slack';
  return TEAMS_HOSTS.some((pattern) => pattern.test(host)) ? null : 'chat_url_teams';
}

/** The URL as shown once it is stored: enough to recognise it, not enough to post with it. */
export function maskChatUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const tail = url.replace(/\/+$/, '').slice(-4);
  return `${parsed ? parsed.host : '?'}/…${tail}`;
}

/** The JSON body to POST to a channel of `kind`. */
export function chatPostBody(kind: ChatKind, message: ChatMessage): string {
  return JSON.stringify(kind === 'slack' ? toSlackMessage(message) : toTeamsMessage(message));
}
