import type { Button, KnownBlock, SectionBlock, TextObject } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { chatLink, cut } from './chat-message.ts';
import { SLACK, slackPayloadProblems } from '../../test/chat-payloads.ts';
import { ALL_EXAMPLES, APP, exampleMessages, HOSTILE_TITLE } from './example-messages.ts';
import { slackMrkdwn, toSlackMessage, type SlackMessage } from './slack-message.ts';

// The blocks are typed by Slack's own @slack/types: a header with mrkdwn text, say, does not
// compile (this line is checked by `tsc --noEmit`, which fails if the error goes away).
// @ts-expect-error A header's text is plain_text only.
const misshapen: KnownBlock = { type: 'header', text: { type: 'mrkdwn', text: '*no*' } };

const textsOf = (blocks: KnownBlock[]): TextObject[] =>
  blocks.flatMap((block): TextObject[] => {
    switch (block.type) {
      case 'header':
        return [block.text];
      case 'section':
        return [...(block.text ? [block.text] : []), ...(block.fields ?? [])];
      case 'context':
        return block.elements.flatMap((element) => ('text' in element ? [element as TextObject] : []));
      default:
        return [];
    }
  });
const words = (message: SlackMessage) => textsOf(message.blocks).map((text) => text.text);
const buttons = (message: SlackMessage) =>
  message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.filter((e): e is Button => e.type === 'button')
      : block.type === 'section' && block.accessory?.type === 'button'
        ? [block.accessory]
        : [],
  );
const fieldsOf = (message: SlackMessage) =>
  message.blocks.flatMap((block) => (block.type === 'section' ? (block.fields ?? []) : [])).map((f) => f.text);

describe('the Slack message', () => {
  it('has Slack’s types', () => {
    expect(misshapen.type).toBe('header');
  });

  it.each(ALL_EXAMPLES.map((message) => [message.kind, message.locale, message] as const))(
    '%s in %s stays within Slack’s limits and leads back to Riktning',
    (_kind, _locale, message) => {
      const slack = toSlackMessage(message);
      expect(slackPayloadProblems(slack)).toEqual([]);
      expect(slack.blocks[0]?.type).toBe('header');
      expect(slack.blocks.at(-1)).toEqual({
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: expect.any(String) }, url: message.link }],
      });
      expect(slack.text.length).toBeGreaterThan(0);
    },
  );

  it('says the weekly digest in Swedish, with figures as Swedish writes them', () => {
    const slack = toSlackMessage(exampleMessages('sv')['weekly-digest']);
    expect(slack.text).toBe(
      'Veckosammanfattning för Säljteamet (Q4 2026): 3 i fas, 1 i riskzonen, 2 efter plan; genomsnittligt framsteg 42\u00a0%.',
    );
    expect(words(slack)).toEqual([
      'Veckosammanfattning: Säljteamet',
      'Q4 2026',
      '*I fas*\n3',
      '*I riskzonen*\n1',
      '*Efter plan*\n2',
      '*Genomsnittligt framsteg*\n42\u00a0%',
      '*Dags att stämma av*\n4 nyckelresultat',
      '*Mål*',
      'Öka återkommande intäkter\n50\u00a0% · I fas',
      'Nöjdare kunder\n25\u00a0% · I riskzonen',
    ]);
    expect(buttons(slack).map((b) => [b.text.text, b.url])).toEqual([
      ['Öppna', `${APP}/objectives/o1`],
      ['Öppna', `${APP}/objectives/o2`],
      ['Öppna i Riktning', `${APP}/units/sales`],
    ]);
  });

  it('says the weekly digest in English', () => {
    const slack = toSlackMessage(exampleMessages('en')['weekly-digest']);
    expect(slack.text).toBe(
      'Weekly digest for Säljteamet (Q4 2026): 3 on track, 1 at risk, 2 off track; average progress 42%.',
    );
    expect(fieldsOf(slack)).toEqual([
      '*On track*\n3',
      '*At risk*\n1',
      '*Off track*\n2',
      '*Average progress*\n42%',
      '*Due for a check-in*\n4 key results',
    ]);
    expect(words(slack)).toContain('Öka återkommande intäkter\n50% · On track');
    expect(buttons(slack).at(-1)?.text.text).toBe('Open in Riktning');
  });

  it('lists ten key results due, each with its link, and says how many more there are', () => {
    const slack = toSlackMessage(exampleMessages('sv')['check-ins-due']);
    expect(words(slack).slice(0, 3)).toEqual([
      'Dags att stämma av',
      '12 nyckelresultat i Säljteamet väntar på en avstämning.',
      '*Nyckelresultat*',
    ]);
    expect(words(slack)).toContain('Nyckelresultat 1\nIngen ägare · Öka återkommande intäkter');
    expect(words(slack)).toContain('Nyckelresultat 10\nAnna Lind · Öka återkommande intäkter');
    expect(words(slack)).not.toContain('Nyckelresultat 11\nAnna Lind · Öka återkommande intäkter');
    expect(words(slack).at(-1)).toBe('…och 2 till');
    expect(buttons(slack)).toHaveLength(11);
    expect(buttons(slack).at(-1)).toMatchObject({ text: { text: 'Öppna Min vecka' }, url: `${APP}/week` });
    const en = toSlackMessage({ ...exampleMessages('en')['check-ins-due'], dueCount: 1, keyResults: [] });
    expect(words(en)).toEqual(['Time to check in', '1 key result in Säljteamet is waiting for a check-in.']);
  });

  it('tells that a cycle closes, with the date in the language', () => {
    const sv = toSlackMessage(exampleMessages('sv')['cycle-closing']);
    expect(words(sv)).toEqual([
      'Perioden stänger snart: Q4 2026',
      '3 mål saknar fortfarande slutpoäng inför att perioden stänger.',
      '*Sista dag*\n31 december 2026',
      '*Dagar kvar*\n5',
      '*Mål utan slutpoäng*\n3',
    ]);
    expect(toSlackMessage({ ...exampleMessages('sv')['cycle-closing'], daysLeft: 0 }).text).toBe(
      'Q4 2026 stänger i dag (31 december 2026). 3 mål saknar fortfarande slutpoäng inför att perioden stänger.',
    );
    const en = toSlackMessage({ ...exampleMessages('en')['cycle-closing'], daysLeft: 1, unscoredObjectives: 1 });
    expect(en.text).toBe(
      'Q4 2026 closes tomorrow (31 December 2026). 1 objective still needs its final score before the cycle closes.',
    );
  });

  it('tells that a cycle is closed, with its final scores written as the language writes them', () => {
    const sv = toSlackMessage(exampleMessages('sv')['cycle-closed']);
    expect(words(sv)).toEqual([
      'Perioden är avslutad: Q4 2026',
      'Dags att se tillbaka: vad gick bra, vad lärde vi oss och vad ändrar vi.',
      '*Mål*\n12',
      '*Med slutpoäng*\n10',
      '*Genomsnittlig slutpoäng*\n0,64',
    ]);
    expect(sv.text).toBe('Q4 2026 är avslutad: 10/12 mål har slutpoäng, i snitt 0,64.');
    const en = toSlackMessage({ ...exampleMessages('en')['cycle-closed'], scoredObjectives: 0, averageScore: null });
    expect(en.text).toBe('Q4 2026 is closed; no objective has a final score yet.');
    expect(words(en)).toContain('*Average final score*\nNone yet');
  });

  it('shows a check-in with its value, target, unit, confidence and note', () => {
    const sv = toSlackMessage(exampleMessages('sv')['check-in']);
    expect(sv.text).toBe('Anna Lind har stämt av ”Månatliga intäkter”: 1\u00a0234,5 kr av 2\u00a0000 kr.');
    expect(words(sv)).toEqual([
      'Avstämning: Månatliga intäkter',
      'Av Anna Lind · Mål: Öka återkommande intäkter',
      '*Värde*\n1\u00a0234,5 kr av 2\u00a0000 kr',
      '*Tilltro*\n7/10',
      'Två nya avtal i veckan.',
    ]);
    const en = toSlackMessage({ ...exampleMessages('en')['check-in'], confidence: null, note: '  ' });
    expect(fieldsOf(en)).toEqual(['*Value*\n1,234.5 kr of 2,000 kr', '*Confidence*\nNot given']);
    expect(words(en)).toHaveLength(4);
  });

  it('keeps people’s text literal: no link, mention or formatting comes of it', () => {
    const digest = exampleMessages('en')['weekly-digest'];
    const slack = toSlackMessage({
      ...digest,
      scopeName: HOSTILE_TITLE,
      objectives: [{ title: HOSTILE_TITLE, progress: 0.5, status: 'on_track', link: `${APP}/objectives/o1` }],
    });
    // mrkdwn (the notification text): &, < and > escaped as Slack asks, so no <link|label>,
    // <@mention> or <!channel> can be formed.
    expect(slack.text).toContain(
      '&lt;https://evil.example|click&gt; &amp; *bold* [here](https://evil.example) &lt;!channel&gt;',
    );
    const mrkdwn = textsOf(slack.blocks).filter((text) => text.type === 'mrkdwn');
    for (const text of [slack.text, ...mrkdwn.map((t) => t.text)]) expect(text).not.toMatch(/[<>]/);
    // People's titles themselves are plain_text, which Slack shows as it is.
    const item = slack.blocks.find((block): block is SectionBlock => block.type === 'section' && !!block.accessory);
    expect(item?.text).toEqual({ type: 'plain_text', text: `${HOSTILE_TITLE}\n50% · On track` });
    expect(slack.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: `Weekly digest: ${HOSTILE_TITLE}` },
    });
    const unit = toSlackMessage({ ...exampleMessages('en')['check-in'], unit: '<@U123>' });
    expect(fieldsOf(unit)[0]).toBe('*Value*\n1,234.5 &lt;@U123&gt; of 2,000 &lt;@U123&gt;');
  });

  it('cuts long titles, notes and units within Slack’s limits, never inside an escape', () => {
    const long = 'Ö'.repeat(5000);
    const due = exampleMessages('sv')['check-ins-due'];
    const checkIn = toSlackMessage({
      ...exampleMessages('sv')['check-in'],
      keyResultTitle: long,
      note: long,
      unit: '&'.repeat(3000),
    });
    const messages = [
      checkIn,
      toSlackMessage({
        ...due,
        scopeName: long,
        keyResults: due.keyResults.map((kr) => ({ ...kr, title: long, objectiveTitle: long })),
      }),
      toSlackMessage({ ...exampleMessages('en')['weekly-digest'], scopeName: long, periodName: long }),
    ];
    for (const message of messages) expect(slackPayloadProblems(message)).toEqual([]);
    expect(checkIn.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: `Avstämning: ${'Ö'.repeat(137)}…` },
    });
    const note = words(checkIn).at(-1);
    expect(note).toBe(`${'Ö'.repeat(299)}…`);
    const value = fieldsOf(checkIn)[0] ?? '';
    expect(value).toMatch(/^\*Värde\*\n1\u00a0234,5 (&amp;)+…$/);
    expect(value.length).toBeLessThanOrEqual(SLACK.fieldText);
  });

  it('refuses a link that would lead nowhere from a channel', () => {
    const digest = exampleMessages('en')['weekly-digest'];
    expect(() => toSlackMessage({ ...digest, link: '/orgs/7f3c' })).toThrow(RangeError);
    expect(() => toSlackMessage({ ...digest, link: 'javascript:alert(1)' })).toThrow(RangeError);
    expect(() => toSlackMessage({ ...digest, link: `${APP}/${'a'.repeat(3000)}` })).toThrow(RangeError);
    expect(chatLink(`${APP}/units/a b`)).toBe(`${APP}/units/a%20b`);
  });
});

describe('cutting text', () => {
  it('keeps what fits, and cuts with an ellipsis between characters', () => {
    expect(cut('abc', 3)).toBe('abc');
    expect(cut('abcd', 3)).toBe('ab…');
    // An emoji is two UTF-16 units: it is kept whole or not at all.
    expect(cut('a😀b', 3)).toBe('a…');
    // An escape is kept whole or not at all.
    expect(slackMrkdwn('a&b', 5)).toBe('a…');
    expect(slackMrkdwn('a&b', 7)).toBe('a&amp;b');
    expect(slackMrkdwn('a&b&', 8)).toBe('a&amp;b…');
  });
});
