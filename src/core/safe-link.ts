// What "sanitised" means for text people write (comments, descriptions): raw HTML is never
// rendered, and a link may only lead somewhere harmless. Anything else — `javascript:`,
// `data:`, `vbscript:`, protocol tricks with whitespace or entities — loses its target.
import { mentionTarget } from './mentions.ts';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link target to render, or '' for none. Relative links stay (they stay on this site);
 * an absolute link keeps its target only with a safe protocol; a mention stays as it is.
 */
export function safeLinkTarget(href: string): string {
  const trimmed = href.trim();
  if (mentionTarget(trimmed)) return trimmed;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  // No scheme: a path or fragment on this site, unless it is protocol-relative (//host).
  if (!scheme) return /^[/\\]{2}/.test(compact) ? '' : trimmed;
  return SAFE_PROTOCOLS.has(`${scheme[1]?.toLowerCase()}:`) ? trimmed : '';
}
