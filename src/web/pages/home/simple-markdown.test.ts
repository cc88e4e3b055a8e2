// The home page's strategy (and every LazyMarkdown) is drawn by simple-markdown.tsx when it
// can be, without loading react-markdown: for every text it accepts, the markup must be
// react-markdown's, element for element. (Here, beside the home page, where the fast path
// matters most: the unit tests of the web app are those under pages/.)
import fc from 'fast-check';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { simpleMarkdown } from '../../components/simple-markdown.tsx';

const full = (source: string) => renderToStaticMarkup(createElement(ReactMarkdown, { skipHtml: true }, source));
const fast = (source: string) => {
  const nodes = simpleMarkdown(source);
  return nodes && renderToStaticMarkup(createElement(Fragment, null, ...nodes));
};

/** True when simple-markdown declines the text or draws it exactly as react-markdown does. */
const agrees = (source: string) => {
  const drawn = fast(source);
  return drawn === null || drawn === full(source);
};

const STRATEGY = [
  'Vi växer genom att göra energismart belysning enkel att köpa, installera och leva med.',
  '',
  '- **Belysning som tjänst.** Installation, mätning och service i ett månadsavtal – kunden betalar för ljus.',
  '- **Nära kunden.** Egna säljare och installatörer i de fem största regionerna.',
].join('\n');

describe('simple markdown', () => {
  it('draws plain paragraphs, a tight list and emphasis itself, as react-markdown does', () => {
    for (const source of [STRATEGY, 'Ett stycke.\nSamma stycke.\n\nEtt till, *lite* **fett**.', '- a\n- b\n\nslut']) {
      expect(fast(source)).not.toBeNull();
      expect(fast(source)).toBe(full(source));
    }
  });

  it('leaves anything else to react-markdown', () => {
    for (const source of [
      '# Rubrik',
      '1. ett',
      '[länk](https://example.com)',
      '`kod`',
      '> citat',
      '- a\n\n- b',
      'a  \nb',
      '<b>x</b>',
      '***',
      '- - a',
      '_x_',
    ]) {
      expect(fast(source)).toBeNull();
    }
  });

  it('never draws a text differently from react-markdown (generated texts)', () => {
    const pieces = [
      'a',
      'ord',
      'två ord',
      'ö',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '- ',
      '-',
      '*',
      '**',
      '.',
      ',',
      '!',
      '?',
      ':',
      '1.',
      '2)',
      '#',
      '=',
      '+',
      '”',
      '»',
      '–',
      '\u00a0',
      '(',
      ')',
      '**fet**',
      '*kursiv*',
      '**fet.**',
      '- **A.** b',
      'a*',
      '*a',
      '---\n',
      '=\n',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => agrees(parts.join(''))),
      { numRuns: 4000 },
    );
  });
});
