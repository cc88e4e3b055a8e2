// A page shown one part at a time on a shared screen (the weekly meeting's sections, the
// quarterly review's slides): →/N/PageDown and ←/P/PageUp move between the parts (not while
// typing), F toggles the screen view (full screen, large type), the part is kept in the
// address (`?<param>=`) so a reload or a shared link keeps the place, and the new part's
// heading takes focus so a screen reader says where the room is.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/** Keys typed into a field are the field's, not the slide show's. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function useSlideShow(total: number, param: string) {
  const [params, setParams] = useSearchParams();
  const index = Math.min(Math.max(Number(params.get(param) ?? 0) || 0, 0), Math.max(total - 1, 0));
  /** The element shown full screen. */
  const stage = useRef<HTMLDivElement>(null);
  /** The part's heading, focused as the part changes. */
  const heading = useRef<HTMLHeadingElement>(null);
  const [presenting, setPresenting] = useState(false);

  const go = (next: number) => {
    if (next < 0 || next >= total || next === index) return;
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set(param, String(next));
        return updated;
      },
      { replace: true },
    );
  };
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [index]);

  const togglePresenting = () => {
    const element = stage.current;
    if (!presenting && element?.requestFullscreen) void element.requestFullscreen().catch(() => undefined);
    if (presenting && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    setPresenting(!presenting);
  };
  useEffect(() => {
    // Leaving full screen with the browser's own Escape leaves the screen view too.
    const left = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'arrowright' || key === 'n' || key === 'pagedown') go(index + 1);
      else if (key === 'arrowleft' || key === 'p' || key === 'pageup') go(index - 1);
      else if (key === 'f') togglePresenting();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return { index, go, stage, heading, presenting, togglePresenting };
}
