// A chat message as the JSON body of a Microsoft Teams incoming webhook: a message with one
// Adaptive Card, as both the Workflows webhook ("post to a channel when a webhook request is
// received") and the classic connector take it. Version 1.4 is what Teams shows everywhere,
// on phones too.
import type { Locale } from '../domain.ts';
import type { ChatMessage } from './chat-message.ts';
import { describeChatMessage, type ChatList } from './chat-texts.ts';

interface TextBlock {
  type: 'TextBlock';
  text: string;
  // Without it Teams shows one line and cuts the rest.
  wrap: true;
  size?: 'Large';
  weight?: 'Bolder';
  isSubtle?: true;
  spacing?: 'None' | 'Medium';
}

interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

interface Column {
  type: 'Column';
  width: 'stretch' | 'auto';
  items: TextBlock[];
}

interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
}

interface Container {
  type: 'Container';
  style: 'emphasis';
  items: TextBlock[];
}

export type CardElement = TextBlock | FactSet | ColumnSet | Container;

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  lang: Locale;
  /** Read where the card cannot be shown. */
  fallbackText: string;
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

export interface TeamsMessage {
  type: 'message';
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }];
}

/**
 * Text for a TextBlock or a fact, which Teams reads as Markdown (bold, italic, lists, links):
 * a backslash keeps each marker a character, so people's titles cannot become links or
 * formatting. Markers of lists and headings count only at the start of a line.
 */
export function teamsMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>&]/g, '\\$&')
    .replace(/^(\s*)([-+#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A Markdown link's target ends at a parenthesis, so those are written percent-encoded. */
const markdownLink = (label: string, url: string) =>
  `[${teamsMarkdown(label)}](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;

const textBlock = (text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  ...style,
});

function listElements(list: ChatList): CardElement[] {
  const items = list.items.map((item): ColumnSet => ({
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          textBlock(markdownLink(item.title, item.link)),
          textBlock(teamsMarkdown(item.detail), { isSubtle: true, spacing: 'None' }),
        ],
      },
      ...(item.figure ? [{ type: 'Column' as const, width: 'auto' as const, items: [textBlock(item.figure)] }] : []),
    ],
  }));
  return [
    textBlock(teamsMarkdown(list.heading), { weight: 'Bolder', spacing: 'Medium' }),
    ...items,
    ...(list.more ? [textBlock(teamsMarkdown(list.more), { isSubtle: true })] : []),
  ];
}

export function toTeamsMessage(message: ChatMessage): TeamsMessage {
  const content = describeChatMessage(message);
  const body: CardElement[] = [textBlock(teamsMarkdown(content.title), { size: 'Large', weight: 'Bolder' })];
  if (content.context) body.push(textBlock(teamsMarkdown(content.context), { isSubtle: true, spacing: 'None' }));
  if (content.text) body.push(textBlock(teamsMarkdown(content.text)));
  if (content.facts.length > 0) {
    body.push({
      type: 'FactSet',
      facts: content.facts.map((fact) => ({ title: teamsMarkdown(fact.label), value: teamsMarkdown(fact.value) })),
    });
  }
  if (content.list) body.push(...listElements(content.list));
  if (content.quote) {
    body.push({ type: 'Container', style: 'emphasis', items: [textBlock(teamsMarkdown(content.quote))] });
  }
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    lang: content.locale,
    fallbackText: content.summary,
    body,
    actions: [{ type: 'Action.OpenUrl', title: content.action.label, url: content.action.link }],
  };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}
