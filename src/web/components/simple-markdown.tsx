// The markdown most people write in a vision, strategy or description — paragraphs, a
// bulleted list, **bold** and *italic* — rendered at once, without loading react-markdown
// (a third of the JavaScript of the home page). Anything else returns null and the caller
// loads react-markdown. For the text it accepts, the elements are exactly react-markdown's
// (paragraphs, a tight list, the newlines between blocks), so a page looks the same either
// way; the subset keeps well inside CommonMark's plain cases, and pages/home/
// simple-markdown.test.ts compares the two on generated texts.
import type { ReactNode } from 'react';

/** A character that could start something this renderer does not handle. */
const SPECIAL = /[\\`_[\]<>&\t\r]/;
/** A line that could start a heading, quote, ordered list, other bullet, rule or code. */
const BLOCK_START = /^(?:[ #>=+]|\d+[.)]|-(?! )|\* |\*$)/;
/**
 * **strong** and *emphasis*, opened at the line's start or after a space, closed before a
 * space, the line's end or a plain punctuation mark, with inner text that has no asterisk
 * and neither starts nor ends with a space: CommonMark's flanking rules hold in each case.
 */
const EMPHASIS = /(^| )(\*\*?)([^*\s](?:[^*]*[^*\s])?)\2(?=$|[ .,;:!?])/g;

function inline(line: string, key: string): ReactNode[] | null {
  const nodes: ReactNode[] = [];
  let rest = 0;
  for (const match of line.matchAll(EMPHASIS)) {
    const [whole, before = '', marker, text = ''] = match;
    const at = `${key}.${match.index}`;
    nodes.push(line.slice(rest, match.index) + before);
    nodes.push(marker === '**' ? <strong key={at}>{text}</strong> : <em key={at}>{text}</em>);
    rest = match.index + whole.length;
  }
  nodes.push(line.slice(rest));
  // Any other asterisk means something else (a literal star, emphasis across lines).
  if (nodes.some((node) => typeof node === 'string' && node.includes('*'))) return null;
  return nodes.filter((node) => node !== '');
}

/** A paragraph's lines, joined by newlines (CommonMark's soft line breaks). */
function paragraph(rows: string[], key: string): ReactNode | null {
  const nodes: ReactNode[] = [];
  for (const [index, row] of rows.entries()) {
    const parts = inline(row, `${key}.${index}`);
    if (!parts) return null;
    if (index > 0) nodes.push('\n');
    nodes.push(...parts);
  }
  return <p key={key}>{nodes}</p>;
}

/** A tight list: one "- " line per item. */
function list(rows: string[], key: string): ReactNode | null {
  const children: ReactNode[] = ['\n'];
  for (const [index, row] of rows.entries()) {
    const text = row.slice(2);
    const parts = BLOCK_START.test(text) || text.startsWith('- ') ? null : inline(text, `${key}.${index}`);
    if (!parts || parts.length === 0) return null;
    children.push(<li key={`${key}.${index}`}>{parts}</li>, '\n');
  }
  return <ul key={key}>{children}</ul>;
}

/** React elements for `source`, or null when it needs the full markdown renderer. */
export function simpleMarkdown(source: string): ReactNode[] | null {
  if (SPECIAL.test(source)) return null;
  const nodes: ReactNode[] = [];
  let previousWasList = false;
  // Blocks are separated by empty lines; a single newline at either end of the text is
  // only an empty line too.
  const blocks = source
    .split(/\n{2,}/)
    .map((block) => block.replace(/^\n|\n$/g, ''))
    .filter((block) => block !== '');
  for (const [index, block] of blocks.entries()) {
    const rows = block.split('\n');
    if (rows.some((row) => row.endsWith(' ') || BLOCK_START.test(row))) return null;
    // A block is a paragraph, a list, or a paragraph that a list interrupts; a list may
    // not follow another list across a blank line (they would be one loose list).
    const first = rows.findIndex((row) => row.startsWith('- '));
    const items = first === -1 ? [] : rows.slice(first);
    if (items.some((row) => !row.startsWith('- ')) || (first === 0 && previousWasList)) return null;
    const parts = [
      first === 0 ? null : paragraph(first === -1 ? rows : rows.slice(0, first), `p${index}`),
      first === -1 ? null : list(items, `ul${index}`),
    ];
    if ((first !== 0 && !parts[0]) || (first !== -1 && !parts[1])) return null;
    if (index > 0) nodes.push('\n');
    nodes.push(...parts.filter((part) => part !== null).flatMap((part, i) => (i > 0 ? ['\n', part] : [part])));
    previousWasList = first !== -1;
  }
  return nodes;
}
