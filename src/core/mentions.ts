// @mentions in a comment's markdown. A mention is stored as a token that names the person
// and carries their account id, `@[Sara Lind](mention:<uuid>)`: a markdown link, so a
// comment still reads sensibly as plain markdown, while the id (not the name, which may
// change or be shared) says whom to notify. The web app renders these links as name chips.

export const MENTION_PROTOCOL = 'mention:';
/** At most this many people are mentioned (and notified) by one comment. */
export const MAX_MENTIONS = 20;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`@\\[([^\\[\\]\\n]{1,200})\\]\\(${MENTION_PROTOCOL}(${UUID})\\)`, 'gi');

/** The token for a person, with the characters that would end the link text left out. */
export function mentionToken(name: string, accountId: string): string {
  const label = name.replace(/[[\]\n]/g, '').trim() || '?';
  return `@[${label}](${MENTION_PROTOCOL}${accountId})`;
}

/** The distinct account ids mentioned in a body, in order of first mention, lower case. */
export function mentionedIds(body: string): string[] {
  const ids = new Set<string>();
  for (const [, , id = ''] of body.matchAll(TOKEN)) ids.add(id.toLowerCase());
  return [...ids];
}

/** The account id of a link target `mention:<uuid>`, or null for any other target. */
export function mentionTarget(href: string): string | null {
  const match = new RegExp(`^${MENTION_PROTOCOL}(${UUID})$`, 'i').exec(href);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * The words of a comment's Markdown without its marks, as a reader sees them rendered:
 * emphasis, code, strike-through, headings, quotes and list markers go, a link or an
 * image keeps its text. Not a renderer: enough for a line of text in a feed or an e-mail.
 */
export function markdownText(markdown: string): string {
  // Code keeps its characters as written: set aside before the marks go, put back after.
  const code: string[] = [];
  const kept = markdown
    .replace(/```[^\n]*/g, '')
    .replace(/`([^`\n]+)`/g, (_, text: string) => `\uE000${code.push(text) - 1}\uE000`);
  return (
    kept
      // Images and links keep their words (mentions are tokens, handled before).
      .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
      // Headings, quotes, list markers and rules at the start of a line.
      .replace(/^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)/gm, '')
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
      // Bold, italics and strike-through around words, within a line and a short reach (so a
      // long comment with an unclosed mark costs no more than a short one).
      .replace(/(\*\*|__)(?=\S)([^\n]{0,200}?\S)\1/g, '$2')
      .replace(/(\*|_)(?=\S)([^\n]{0,200}?\S)\1(?![\p{L}\p{N}])/gu, '$2')
      .replace(/~~(?=\S)([^\n]{0,200}?\S)~~/g, '$1')
      .replace(/\uE000(\d+)\uE000/g, (_, i: string) => code[Number(i)] ?? '')
  );
}

/**
 * A short plain-text version of a body for e-mail and feeds: mentions become `@Name`, the
 * Markdown's marks go (markdownText), whitespace collapses, and the text is cut at a word
 * near `max` characters.
 */
export function excerpt(body: string, max = 280): string {
  // Only as much as can be shown is read: a long comment costs what a short one does.
  const text = markdownText(body.slice(0, max * 4).replace(TOKEN, (_, name: string) => `@${name}`))
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Turns the `@Name` a person typed after picking someone from the suggestions into that
 * person's token. Longer names go first, so "@Sara Lind" is never read as "@Sara"; a name
 * inside a word ("@Sarah", "sara@Sara.se") is not a mention.
 */
export function tokenizeMentions(text: string, people: readonly { id: string; name: string }[]): string {
  const byLength = [...people].sort((a, b) => b.name.length - a.name.length);
  return byLength.reduce((result, person) => {
    const escaped = person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return result.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])@${escaped}(?![\\p{L}\\p{N}])`, 'gu'),
      mentionToken(person.name, person.id),
    );
  }, text);
}

/**
 * The other way round, for editing a comment: tokens become the `@Name` a person typed,
 * and the people they name are returned, so `tokenizeMentions(text, people)` gives the
 * tokens back (for every mention still written as `@Name`).
 */
export function untokenizeMentions(body: string): { text: string; people: { id: string; name: string }[] } {
  const people = new Map<string, string>();
  const text = body.replace(TOKEN, (_, name: string, id: string) => {
    people.set(id.toLowerCase(), name);
    return `@${name}`;
  });
  return { text, people: [...people].map(([id, name]) => ({ id, name })) };
}

/** The text before the caret as a mention being typed: the part after `@`, or null. */
export function mentionQuery(textBeforeCaret: string): string | null {
  const match = /(?:^|[\s(])@([\p{L}\p{N}_.'-]*(?: [\p{L}\p{N}_.'-]*)?)$/u.exec(textBeforeCaret);
  return match ? (match[1] ?? '') : null;
}
