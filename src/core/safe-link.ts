// What "sanitised" means for text people write (comments, descriptions, the strategy): raw
// HTML is never rendered, a link may only lead somewhere harmless, and an image loads only
// from this site. Anything else — `javascript:`, `data:`, `vbscript:`, protocol tricks with
// whitespace or entities, an image on another host — loses its target.
import { mentionTarget } from './mentions.ts';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** An address as a browser reads it: it ignores control characters and whitespace ("java\tscript:"). */
// eslint-disable-next-line no-control-regex
const compacted = (address: string) => address.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
const schemeOf = (compact: string) => /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
/** No scheme and not protocol-relative (//host, which a browser also reads from /\host). */
const isPathOnThisSite = (compact: string) => schemeOf(compact) === undefined && !/^[/\\]{2}/.test(compact);

/**
 * The link target to render, or '' for none. Relative links stay (they stay on this site);
 * an absolute link keeps its target only with a safe protocol; a mention stays as it is.
 */
export function safeLinkTarget(href: string): string {
  const trimmed = href.trim();
  if (mentionTarget(trimmed)) return trimmed;
  const compact = compacted(trimmed);
  const scheme = schemeOf(compact);
  if (scheme === undefined) return isPathOnThisSite(compact) ? trimmed : '';
  return SAFE_PROTOCOLS.has(`${scheme}:`) ? trimmed : '';
}

/**
 * The address an image in written text may load from, or '' for none: a path on this site
 * or a `data:` image, never another host. An image elsewhere is fetched the moment the text
 * is shown, telling its host who read it, when and from where (a tracking pixel); such an
 * image is shown as a link to open on purpose instead (web/components/markdown-rules.tsx).
 */
export function safeImageSource(src: string): string {
  const trimmed = src.trim();
  const compact = compacted(trimmed);
  return isPathOnThisSite(compact) || /^data:image\//i.test(compact) ? trimmed : '';
}
