import { cloneElement, lazy, Suspense, useState, type MouseEvent, type ReactElement } from 'react';

const loadTooltip = () => import('./Tooltip.tsx');
const Tooltip = lazy(loadTooltip);

type Target = ReactElement<{ onMouseEnter?: (event: MouseEvent) => void; onMouseLeave?: (event: MouseEvent) => void }>;

/**
 * Mantine's Tooltip (shown on hover, its default), with its code and floating-ui loaded on
 * the first hover instead of with the page. The target renders as it is until then; when
 * the code arrives under a pointer that is still there, the tip opens at once.
 */
export function HoverTooltip({ label, children }: { label: string; children: Target }) {
  const [hovered, setHovered] = useState<boolean | null>(null);
  const watched = cloneElement(children, {
    onMouseEnter: () => setHovered(true),
    onMouseLeave: () => setHovered(false),
  });
  if (hovered === null) return watched;
  return (
    <Suspense fallback={watched}>
      <Tooltip label={label} defaultOpened={hovered}>
        {children}
      </Tooltip>
    </Suspense>
  );
}
