import { Text } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { simpleMarkdown } from './simple-markdown.tsx';

const Markdown = lazy(() => import('./Markdown.tsx'));

/**
 * Markdown: plain paragraphs, lists and emphasis at once (simple-markdown.tsx), anything
 * else with react-markdown, shown as plain text until the renderer has loaded.
 */
export function LazyMarkdown({ children }: { children: string }) {
  const simple = useMemo(() => simpleMarkdown(children), [children]);
  if (simple) return <div className="markdown">{simple}</div>;
  return (
    <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>}>
      <div className="markdown">
        <Markdown>{children}</Markdown>
      </div>
    </Suspense>
  );
}
