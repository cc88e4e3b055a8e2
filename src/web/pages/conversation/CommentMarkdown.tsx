// A comment's markdown, sanitised as all written text is (components/markdown-rules.tsx):
// raw HTML is skipped (react-markdown builds elements, it never parses HTML into the page),
// an image from another site is not loaded (no tracking pixels in a conversation), and links
// keep only safe targets (core/safe-link.ts). Here links also open apart from the app, and
// mentions render as name chips. Loaded on demand with react-markdown.
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import ReactMarkdown from 'react-markdown';
import { mentionTarget } from '../../../core/mentions.ts';
import { markdownOptions } from '../../components/markdown-rules.tsx';

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

const options = markdownOptions({ a: Link });

export default function CommentMarkdown({ children }: { children: string }) {
  return <ReactMarkdown {...options}>{chipText(children)}</ReactMarkdown>;
}
