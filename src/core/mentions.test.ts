import { describe, expect, it } from 'vitest';
import {
  excerpt,
  mentionedIds,
  mentionQuery,
  mentionTarget,
  mentionToken,
  tokenizeMentions,
  untokenizeMentions,
} from './mentions.ts';

const SARA = '0b6a3f0e-6c1d-4f5e-9a57-2f1e0c3d4b5a';
const OLLE = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('mentionToken', () => {
  const rows = [
    { name: 'Sara Lind', token: `@[Sara Lind](mention:${SARA})` },
    { name: 'Sara [marknad]', token: `@[Sara marknad](mention:${SARA})` },
    { name: 'Rad\nbrytning', token: `@[Radbrytning](mention:${SARA})` },
    { name: '[]', token: `@[?](mention:${SARA})` },
  ];
  it.each(rows)('$name → $token', ({ name, token }) => {
    expect(mentionToken(name, SARA)).toBe(token);
    expect(mentionedIds(token)).toEqual([SARA]);
  });
});

describe('mentionedIds', () => {
  const rows: { case: string; body: string; ids: string[] }[] = [
    { case: 'none', body: 'Bra jobbat!', ids: [] },
    { case: 'one', body: `Tack @[Sara Lind](mention:${SARA})!`, ids: [SARA] },
    {
      case: 'two, repeated, in order of first mention',
      body: `@[Olle](mention:${OLLE}) och @[Sara](mention:${SARA}), @[Olle](mention:${OLLE})`,
      ids: [OLLE, SARA],
    },
    { case: 'upper-case id', body: `@[Sara](mention:${SARA.toUpperCase()})`, ids: [SARA] },
    { case: 'an ordinary link', body: `[Sara](https://example.com/${SARA})`, ids: [] },
    { case: 'no @ before the link', body: `[Sara](mention:${SARA})`, ids: [] },
    { case: 'not a uuid', body: '@[Sara](mention:sara)', ids: [] },
    { case: 'an e-mail address', body: 'skriv till sara@example.com', ids: [] },
  ];
  it.each(rows)('$case', ({ body, ids }) => expect(mentionedIds(body)).toEqual(ids));
});

describe('mentionTarget', () => {
  it.each([
    [`mention:${SARA}`, SARA],
    [`MENTION:${SARA.toUpperCase()}`, SARA],
    [`mention:${SARA}x`, null],
    ['https://example.com', null],
    ['javascript:alert(1)', null],
  ])('%s → %s', (href, id) => expect(mentionTarget(href)).toBe(id));
});

describe('excerpt', () => {
  it.each([
    { body: `Hej @[Sara Lind](mention:${SARA}),\n\n  titta här`, max: 280, text: 'Hej @Sara Lind, titta här' },
    { body: 'ett två tre fyra fem', max: 12, text: 'ett två tre…' },
    { body: 'ettlångtordutanmellanrum', max: 10, text: 'ettlångtor…' },
    { body: 'kort', max: 10, text: 'kort' },
    // As the newcomer saw it in the feed: Markdown's marks, not its words, go.
    { body: 'jag testar **kortfilmer** nästa vecka', max: 280, text: 'jag testar kortfilmer nästa vecka' },
    {
      body: '# Rubrik\n- *ett* och `två`\n> citat med [länk](https://x.se)',
      max: 280,
      text: 'Rubrik ett och två citat med länk',
    },
    { body: 'snake_case_name och 2 * 3 * 4 ~~bort~~', max: 280, text: 'snake_case_name och 2 * 3 * 4 bort' },
    { body: 'kör `__init__` och `a**b`, sedan **klart**', max: 280, text: 'kör __init__ och a**b, sedan klart' },
  ])('$body ($max) → $text', ({ body, max, text }) => expect(excerpt(body, max)).toBe(text));
});

describe('tokenizeMentions', () => {
  const people = [
    { id: SARA, name: 'Sara' },
    { id: OLLE, name: 'Sara Lind' },
  ];
  it.each([
    { text: 'Hej @Sara Lind!', out: `Hej @[Sara Lind](mention:${OLLE})!` },
    { text: '@Sara och @Sara Lind', out: `@[Sara](mention:${SARA}) och @[Sara Lind](mention:${OLLE})` },
    { text: '@Sarah är inte Sara', out: '@Sarah är inte Sara' },
    { text: 'mejla sara@Sara.se', out: 'mejla sara@Sara.se' },
    { text: 'ingen här', out: 'ingen här' },
  ])('$text', ({ text, out }) => expect(tokenizeMentions(text, people)).toBe(out));
  it('handles names with characters that mean something in a pattern', () =>
    expect(tokenizeMentions('@A.(b)', [{ id: SARA, name: 'A.(b)' }])).toBe(`@[A.(b)](mention:${SARA})`));
});

describe('untokenizeMentions', () => {
  it('shows tokens as @Name and gives them back unchanged', () => {
    const body = `Hej ${mentionToken('Sara Lind', SARA)} och ${mentionToken('Olle', OLLE)}, ${mentionToken('Sara Lind', SARA)}!`;
    const { text, people } = untokenizeMentions(body);
    expect(text).toBe('Hej @Sara Lind och @Olle, @Sara Lind!');
    expect(people).toEqual([
      { id: SARA, name: 'Sara Lind' },
      { id: OLLE, name: 'Olle' },
    ]);
    expect(tokenizeMentions(text, people)).toBe(body);
  });
  it('leaves text without tokens alone', () =>
    expect(untokenizeMentions('mejla sara@exempel.se')).toEqual({ text: 'mejla sara@exempel.se', people: [] }));
});

describe('mentionQuery', () => {
  it.each([
    ['@', ''],
    ['Hej @Sa', 'Sa'],
    ['Hej @Sara L', 'Sara L'],
    ['(@Ol', 'Ol'],
    ['sara@exam', null],
    ['Hej @Sara Lind och', null],
    ['inget', null],
  ])('%j → %j', (text, query) => expect(mentionQuery(text)).toBe(query));
});
