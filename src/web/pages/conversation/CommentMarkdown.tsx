// A comment's markdown, sanitised: raw HTML is skipped (react-markdown builds elements, it
// never parses HTML into the page), images are not loaded (no tracking pixels in a
// conversation), links keep only safe targets (core/safe-link.ts) and open apart from the
// app, and mentions render as name chips. Loaded on demand with react-markdown.
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import { mentionTarget } from '../../../core/mentions.ts';
import { safeLinkTarget } from '../../../core/safe-link.ts';

/** `@[Name](mention:id)` → `[@Name](mention:id)`, so the chip holds the @ as well. */
const chipText = (body: string) => body.replace(/@\[([^[\]\n]{1,200})\]\((mention:[0-9a-f-]{36})\)/gi, '[@$1]($2)');

function Link({ href, children }: { href?: string; children?: ReactNode }) {
  if (href && mentionTarget(href)) {
    return (
      <Badge component="span" variant="light" radius="sm" tt="none" fz="sm" data-mention={mentionTarget(href)}>
        {children}
      </Badge>
    );
  }
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </a>
  );
}

export default function CommentMarkdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      skipHtml
      urlTransform={(url) => safeLinkTarget(url)}
      disallowedElements={['img']}
      unwrapDisallowed
      components={{ a: Link }}
    >
      {chipText(children)}
    </ReactMarkdown>
  );
}
