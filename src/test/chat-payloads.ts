// What Slack and Teams would find wrong with a body posted to an incoming webhook, for the
// core renderers' tests and for the chat receiver (chat-receiver.ts), which checks every
// body it is sent. Slack publishes no JSON schema for Block Kit: its shapes are checked
// here by hand against the Block Kit reference (docs.slack.dev/reference/block-kit), with
// @slack/types typing what is read. Teams' card is checked by Microsoft's own Adaptive Cards
// library, inside the "message with attachments" envelope Teams' webhooks take.
import * as AC from 'adaptivecards';
import type { Button, KnownBlock } from '@slack/types';
import { expect } from 'vitest';

/** The limits Slack refuses a message past (`invalid_blocks`), from the Block Kit reference. */
export const SLACK = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A text object: plain_text or mrkdwn (or only `plainOnly`), with some text. */
function textProblems(where: string, value: unknown, max: number, plainOnly = false): string[] {
  if (!isObject(value)) return [`${where}: not a text object`];
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  const problems: string[] = [];
  if (!allowed.includes(value.type as string)) problems.push(`${where}: type ${String(value.type)}`);
  if (typeof value.text !== 'string' || value.text.length === 0) problems.push(`${where}: no text`);
  else if (value.text.length > max) problems.push(`${where}: ${value.text.length} > ${max}`);
  return problems;
}

function buttonProblems(where: string, value: unknown): string[] {
  if (!isObject(value) || value.type !== 'button') return [`${where}: not a button`];
  const button = value as unknown as Button;
  const problems = textProblems(`${where}.text`, button.text, SLACK.buttonText, true);
  if (button.url !== undefined) {
    if (typeof button.url !== 'string' || !/^https?:\/\//.test(button.url)) problems.push(`${where}: url`);
    else if (button.url.length > SLACK.buttonUrl) problems.push(`${where}: url ${button.url.length}`);
  }
  return problems;
}

function blockProblems(where: string, value: unknown): string[] {
  if (!isObject(value)) return [`${where}: not a block`];
  const block = value as unknown as KnownBlock;
  switch (block.type) {
    case 'header':
      return textProblems(`${where}.text`, block.text, SLACK.headerText, true);
    case 'section': {
      if (!block.text && !block.fields) return [`${where}: neither text nor fields`];
      const fields = block.fields ?? [];
      return [
        ...(block.text ? textProblems(`${where}.text`, block.text, SLACK.sectionText) : []),
        ...(fields.length > SLACK.fields ? [`${where}.fields: ${fields.length}`] : []),
        ...fields.flatMap((field, i) => textProblems(`${where}.fields[${i}]`, field, SLACK.fieldText)),
        ...(block.accessory ? buttonProblems(`${where}.accessory`, block.accessory) : []),
      ];
    }
    case 'context': {
      const elements: unknown[] = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > SLACK.contextElements) return [`${where}: elements`];
      return elements.flatMap((element, i) => textProblems(`${where}.elements[${i}]`, element, SLACK.sectionText));
    }
    case 'actions': {
      const elements: unknown[] = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > SLACK.actionsElements) return [`${where}: elements`];
      return elements.flatMap((element, i) => buttonProblems(`${where}.elements[${i}]`, element));
    }
    case 'divider':
      return [];
    default:
      return [`${where}: unexpected block ${String((block as { type: unknown }).type)}`];
  }
}

/** What Slack would refuse in the body of an incoming webhook's post. */
export function slackPayloadProblems(payload: unknown): string[] {
  if (!isObject(payload)) return ['not an object'];
  const problems: string[] = [];
  if (typeof payload.text !== 'string' || payload.text.length === 0) problems.push('text: missing');
  const blocks: unknown[] = Array.isArray(payload.blocks) ? payload.blocks : [];
  if (blocks.length === 0) problems.push('blocks: missing');
  if (blocks.length > SLACK.blocks) problems.push(`blocks: ${blocks.length} > ${SLACK.blocks}`);
  blocks.forEach((block, i) => problems.push(...blockProblems(`blocks[${i}]`, block)));
  return problems;
}

/**
 * What Microsoft's Adaptive Cards library finds wrong with a card: what it reports while
 * parsing (unknown elements and actions, invalid values, properties newer than version 1.4),
 * what its validation reports (e.g. an Action.OpenUrl without a url), and whatever it does not
 * read back as it was given: the library keeps only what the schema defines, so a misspelt
 * property, or an empty list where one is required, is lost on the way through.
 */
export function adaptiveCardProblems(card: object): string[] {
  // The library's pattern for `lang` has the global flag, so it remembers where its last
  // match ended and refuses every second valid card (microsoft/AdaptiveCards#9145).
  if (AC.CardElement.langProperty.regEx) AC.CardElement.langProperty.regEx.lastIndex = 0;
  const parsed = new AC.AdaptiveCard();
  const parsing = new AC.SerializationContext(AC.Versions.v1_4);
  parsed.parse(card, parsing);
  const events = [
    ...Array.from({ length: parsing.eventCount }, (_, i) => parsing.getEventAt(i)),
    ...parsed.validateProperties().validationEvents,
  ];
  const problems = events.map((event) => `${AC.ValidationEvent[event.event]}: ${event.message}`);
  // The library writes the newest version it knows; what is compared is everything else.
  const readBack = { ...(parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_4)) as object), version: '1.4' };
  if (!isDeepEqual(readBack, { ...card, version: '1.4' })) {
    problems.push(`Read back differently: ${JSON.stringify(readBack)}`);
  }
  return problems;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** What Teams would refuse in the body of a webhook's post: the envelope, then its card. */
export function teamsPayloadProblems(payload: unknown): string[] {
  if (!isObject(payload) || payload.type !== 'message') return ['not a message'];
  const attachments: unknown[] = Array.isArray(payload.attachments) ? payload.attachments : [];
  if (attachments.length !== 1) return [`attachments: ${attachments.length}`];
  const [attachment] = attachments;
  if (!isObject(attachment) || attachment.contentType !== 'application/vnd.microsoft.card.adaptive') {
    return ['attachments[0]: not an Adaptive Card'];
  }
  const card = attachment.content;
  if (!isObject(card) || card.type !== 'AdaptiveCard') return ['attachments[0].content: not an Adaptive Card'];
  return adaptiveCardProblems(card);
}
