import { Text } from '@mantine/core';
import { lazy, Suspense } from 'react';

const Markdown = lazy(() => import('./Markdown.tsx'));

/** Markdown, shown as plain text until the renderer has loaded. */
export function LazyMarkdown({ children }: { children: string }) {
  return (
    <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>}>
      <div className="markdown">
        <Markdown>{children}</Markdown>
      </div>
    </Suspense>
  );
}
