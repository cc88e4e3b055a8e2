// A chat message as the JSON body of a Slack incoming webhook: Block Kit blocks, and `text`
// for notifications. Slack's own types check the blocks' shapes; they are only types, so
// nothing of Slack's runs here.
import type { Button, ContextBlock, KnownBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { cut, type ChatMessage } from './chat-message.ts';
import { describeChatMessage, type ChatFact, type ChatList } from './chat-texts.ts';

export interface SlackMessage {
  /** Shown in notifications, and where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

/** Slack refuses a message past these (the Block Kit reference's limits, in characters). */
const LIMITS = {
  header: 150,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  buttonText: 75,
  /** The notification text: Slack allows far more, but a notification shows a line or two. */
  text: 3000,
  /** Our labels are a few words; this bounds the value's share of a field. */
  fieldLabel: 100,
} as const;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text for a mrkdwn object, escaped as Slack asks (&, <, >), so that people's titles cannot
 * become links, mentions or channel-wide alerts; cut between characters, never inside an entity.
 */
export function slackMrkdwn(text: string, max: number): string {
  return cut(text, max, (char) => ENTITIES[char] ?? char);
}

// People's text goes into plain_text objects wherever it needs no markup: mrkdwn has no
// escape for *bold* or _italic_, plain_text shows every character as it is.
const plain = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: cut(text, max) });

const button = (label: string, url: string): Button => ({
  type: 'button',
  text: plain(label, LIMITS.buttonText),
  url,
});

const context = (text: string): ContextBlock => ({
  type: 'context',
  elements: [plain(text, LIMITS.sectionText)],
});

function field({ label, value }: ChatFact): MrkdwnElement {
  const heading = `*${slackMrkdwn(label, LIMITS.fieldLabel)}*\n`;
  return { type: 'mrkdwn', text: heading + slackMrkdwn(value, LIMITS.fieldText - heading.length) };
}

function listBlocks(list: ChatList): KnownBlock[] {
  const items = list.items.map((item): SectionBlock => ({
    type: 'section',
    text: plain([item.title, [item.figure, item.detail].filter(Boolean).join(' · ')].join('\n'), LIMITS.sectionText),
    accessory: button(list.openItem, item.link),
  }));
  return [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `*${slackMrkdwn(list.heading, LIMITS.fieldLabel)}*` } },
    ...items,
    ...(list.more ? [context(list.more)] : []),
  ];
}

export function toSlackMessage(message: ChatMessage): SlackMessage {
  const content = describeChatMessage(message);
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(content.title, LIMITS.header) }];
  if (content.context) blocks.push(context(content.context));
  if (content.text) blocks.push({ type: 'section', text: plain(content.text, LIMITS.sectionText) });
  if (content.facts.length > 0) {
    blocks.push({ type: 'section', fields: content.facts.slice(0, LIMITS.fields).map(field) });
  }
  if (content.list) blocks.push(...listBlocks(content.list));
  if (content.quote) blocks.push({ type: 'section', text: plain(content.quote, LIMITS.sectionText) });
  blocks.push({ type: 'actions', elements: [button(content.action.label, content.action.link)] });
  return { text: slackMrkdwn(content.summary, LIMITS.text), blocks };
}
