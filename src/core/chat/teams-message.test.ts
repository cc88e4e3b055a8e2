import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/chat-payloads.ts';
import { ALL_EXAMPLES, APP, exampleMessages, HOSTILE_TITLE } from './example-messages.ts';
import { toTeamsMessage, type AdaptiveCard, type CardElement } from './teams-message.ts';

const cardOf = (message: Parameters<typeof toTeamsMessage>[0]) => toTeamsMessage(message).attachments[0].content;

function textBlocks(elements: CardElement[]): { text: string; wrap: boolean }[] {
  return elements.flatMap((element) => {
    switch (element.type) {
      case 'TextBlock':
        return [element];
      case 'Container':
        return element.items;
      case 'ColumnSet':
        return element.columns.flatMap((column) => column.items);
      case 'FactSet':
        return [];
    }
  });
}

const facts = (card: AdaptiveCard) =>
  Object.fromEntries(card.body.flatMap((e) => (e.type === 'FactSet' ? e.facts.map((f) => [f.title, f.value]) : [])));
const texts = (card: AdaptiveCard) => textBlocks(card.body).map((block) => block.text);

/** The HTML a CommonMark renderer makes of a text, as a test of what Markdown would make of it. */
const asHtml = (markdown: string) => renderToStaticMarkup(createElement(Markdown, null, markdown));

describe('the Teams message', () => {
  it.each(ALL_EXAMPLES.map((message) => [message.kind, message.locale, message] as const))(
    '%s in %s is a valid Adaptive Card 1.4 in the webhook envelope',
    (_kind, locale, message) => {
      const body = toTeamsMessage(message);
      expect(body).toMatchObject({
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
      });
      const card = body.attachments[0].content;
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', lang: locale });
      expect(card.actions).toEqual([
        { type: 'Action.OpenUrl', title: expect.stringMatching(/Riktning|Min vecka|My week/), url: message.link },
      ]);
      expect(textBlocks(card.body).every((block) => block.wrap)).toBe(true);
    },
  );

  it('reports a broken card, so that a valid one means something', () => {
    const valid = cardOf(exampleMessages('en')['cycle-closing']);
    expect(adaptiveCardProblems(valid)).toEqual([]);
    const broken = (change: (card: AdaptiveCard & Record<string, unknown>) => void) => {
      const card = structuredClone(valid) as AdaptiveCard & Record<string, unknown>;
      change(card);
      return adaptiveCardProblems(card);
    };
    expect(broken((card) => card.body.push({ type: 'Carousel' } as unknown as CardElement))).toEqual([
      expect.stringMatching(/^UnknownElementType: Unknown element type "Carousel"/),
      expect.stringMatching(/^Read back differently/),
    ]);
    expect(broken((card) => card.body.push({ type: 'FactSet', facts: [] }))).toEqual([
      expect.stringMatching(/^Read back differently/),
    ]);
    expect(broken((card) => Object.assign(card.body[0] ?? {}, { size: 'Huge' }))).toEqual([
      'InvalidPropertyValue: Invalid value "Huge" for property "size".',
      expect.stringMatching(/^Read back differently/),
    ]);
    expect(broken((card) => Object.assign(card.body[0] ?? {}, { style: 'heading' }))).toEqual([
      'UnsupportedProperty: Property "style" is supported in version 1.5, but you are using version 1.4.',
      expect.stringMatching(/^Read back differently/),
    ]);
    expect(broken((card) => Object.assign(card.body[0] ?? {}, { wrapp: true }))).toEqual([
      expect.stringMatching(/^Read back differently/),
    ]);
    expect(broken((card) => (card.actions = [{ type: 'Action.OpenUrl', title: 'Open' } as never]))).toEqual([
      'PropertyCantBeNull: Property "url" must be set.',
    ]);
  });

  it('says the weekly digest in Swedish, with figures as Swedish writes them', () => {
    const card = cardOf(exampleMessages('sv')['weekly-digest']);
    expect(texts(card)).toEqual([
      'Veckosammanfattning: Säljteamet',
      'Q4 2026',
      'Mål',
      `[Öka återkommande intäkter](${APP}/objectives/o1)`,
      'I fas',
      '50\u00a0%',
      `[Nöjdare kunder](${APP}/objectives/o2)`,
      'I riskzonen',
      '25\u00a0%',
    ]);
    expect(facts(card)).toEqual({
      'I fas': '3',
      'I riskzonen': '1',
      'Efter plan': '2',
      'Genomsnittligt framsteg': '42\u00a0%',
      'Dags att stämma av': '4 nyckelresultat',
    });
    expect(card.actions[0]).toMatchObject({ title: 'Öppna i Riktning', url: `${APP}/units/sales` });
    expect(card.fallbackText).toBe(
      'Veckosammanfattning för Säljteamet (Q4 2026): 3 i fas, 1 i riskzonen, 2 efter plan; genomsnittligt framsteg 42\u00a0%.',
    );
  });

  it('says the weekly digest in English', () => {
    const card = cardOf(exampleMessages('en')['weekly-digest']);
    expect(facts(card)).toEqual({
      'On track': '3',
      'At risk': '1',
      'Off track': '2',
      'Average progress': '42%',
      'Due for a check-in': '4 key results',
    });
    expect(texts(card)).toContain('50%');
    expect(card.actions[0]?.title).toBe('Open in Riktning');
  });

  it('lists ten key results due and says how many more there are', () => {
    const sv = cardOf(exampleMessages('sv')['check-ins-due']);
    expect(texts(sv).slice(0, 3)).toEqual([
      'Dags att stämma av',
      '12 nyckelresultat i Säljteamet väntar på en avstämning.',
      'Nyckelresultat',
    ]);
    expect(sv.body.filter((element) => element.type === 'ColumnSet')).toHaveLength(10);
    expect(texts(sv)).toContain(`[Nyckelresultat 1](${APP}/objectives/o1#kr1)`);
    expect(texts(sv)).toContain('Ingen ägare · Öka återkommande intäkter');
    expect(texts(sv)).toContain('Anna Lind · Öka återkommande intäkter');
    expect(texts(sv).at(-1)).toBe('…och 2 till');
    expect(sv.actions[0]).toMatchObject({ title: 'Öppna Min vecka', url: `${APP}/week` });
    const en = cardOf(exampleMessages('en')['check-ins-due']);
    expect(texts(en)).toContain('12 key results in Säljteamet are waiting for a check-in.');
    expect(texts(en).at(-1)).toBe('…and 2 more');
  });

  it('tells that a cycle closes, with the date in the language', () => {
    const sv = cardOf(exampleMessages('sv')['cycle-closing']);
    expect(texts(sv)).toEqual([
      'Perioden stänger snart: Q4 2026',
      '3 mål saknar fortfarande slutpoäng inför att perioden stänger.',
    ]);
    expect(facts(sv)).toEqual({ 'Sista dag': '31 december 2026', 'Dagar kvar': '5', 'Mål utan slutpoäng': '3' });
    expect(sv.actions[0]?.url).toBe(`${APP}/cycles/q4/close`);
    const en = cardOf(exampleMessages('en')['cycle-closing']);
    expect(facts(en)).toEqual({
      'Last day': '31 December 2026',
      'Days left': '5',
      'Objectives without a final score': '3',
    });
    expect(en.fallbackText).toBe(
      'Q4 2026 closes in 5 days (31 December 2026). 3 objectives still need their final score before the cycle closes.',
    );
  });

  it('shows a check-in with its value, target, unit, confidence and note', () => {
    const sv = cardOf(exampleMessages('sv')['check-in']);
    expect(texts(sv)).toEqual([
      'Avstämning: Månatliga intäkter',
      'Av Anna Lind · Mål: Öka återkommande intäkter',
      'Två nya avtal i veckan.',
    ]);
    expect(facts(sv)).toEqual({ Värde: '1\u00a0234,5 kr av 2\u00a0000 kr', Tilltro: '7/10' });
    const en = cardOf({ ...exampleMessages('en')['check-in'], confidence: null, note: null, unit: '' });
    expect(facts(en)).toEqual({ Value: '1,234.5 of 2,000', Confidence: 'Not given' });
    expect(texts(en)).toHaveLength(2);
  });

  it('keeps people’s text literal: no link, formatting or list comes of it', () => {
    const digest = exampleMessages('en')['weekly-digest'];
    const card = cardOf({
      ...digest,
      scopeName: HOSTILE_TITLE,
      objectives: [{ title: `1. ${HOSTILE_TITLE}`, progress: 0.5, status: 'on_track', link: `${APP}/objectives/o1` }],
    });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const [title, , , item] = texts(card);
    expect(asHtml(title ?? '')).toBe(`<p>Weekly digest: ${htmlText(HOSTILE_TITLE)}</p>`);
    // The item's own link is the only one, and its label is the title as it was written.
    expect(asHtml(item ?? '')).toBe(`<p><a href="${APP}/objectives/o1">1. ${htmlText(HOSTILE_TITLE)}</a></p>`);
    const note = cardOf({ ...exampleMessages('en')['check-in'], note: `- a list?\n# a heading?\n${HOSTILE_TITLE}` });
    expect(asHtml(texts(note).at(-1) ?? '')).toBe(`<p>- a list?\n# a heading?\n${htmlText(HOSTILE_TITLE)}</p>`);
  });

  it('stays within what Teams accepts when every text is long', () => {
    const long = 'Ö'.repeat(5000);
    const due = exampleMessages('sv')['check-ins-due'];
    const checkIn = cardOf({
      ...exampleMessages('sv')['check-in'],
      keyResultTitle: long,
      objectiveTitle: long,
      note: long,
    });
    const checkInsDue = cardOf({
      ...due,
      scopeName: long,
      keyResults: due.keyResults.map((kr) => ({ ...kr, title: long, objectiveTitle: long })),
    });
    for (const card of [checkIn, checkInsDue]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      // Teams refuses a message over 28 KB; the envelope adds a few dozen bytes to the card.
      expect(new TextEncoder().encode(JSON.stringify(card)).length).toBeLessThan(27_000);
    }
    const note = texts(checkIn).at(-1);
    expect(note).toHaveLength(300);
    expect(note?.endsWith('…')).toBe(true);
  });
});

/** Text as react-dom writes it into HTML. */
const htmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
