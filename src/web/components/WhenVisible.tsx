import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children once the place they take comes near the window (within `margin`
 * below it), and until then an empty block of `minHeight`: what a page shows further down
 * loads its code and data when someone scrolls there, not with the page.
 */
export function WhenVisible({
  children,
  minHeight = 200,
  margin = 100,
}: {
  children: ReactNode;
  minHeight?: number;
  margin?: number;
}) {
  const [near, setNear] = useState(false);
  const placeholder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = placeholder.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: `0px 0px ${margin}px 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, margin]);
  return near ? children : <div ref={placeholder} style={{ minHeight }} />;
}
