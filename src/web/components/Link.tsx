// A link to a page of the app: an <a> with its address, which shows the page without
// reloading on a plain click. React Router's Link also prefetches route modules and
// resolves addresses outside the app, both for its framework mode; the app needs neither,
// and they cost the first pages 1.4 KB gzipped. Lint points every import of a link here.
import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { createPath, useHref, useLocation, useNavigate, useResolvedPath, type To } from 'react-router';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** A page of the app (an address outside it is a plain <a>). */
  to: To;
  replace?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/** A click the browser should handle itself: a new tab or window, a download, not the main button. */
const leftToBrowser = (event: MouseEvent<HTMLAnchorElement>, target: string | undefined) =>
  event.button !== 0 ||
  (target !== undefined && target !== '_self') ||
  event.metaKey ||
  event.altKey ||
  event.ctrlKey ||
  event.shiftKey;

export function Link({ to, replace, onClick, target, ...props }: LinkProps) {
  const href = useHref(to);
  const navigate = useNavigate();
  const location = useLocation();
  const path = useResolvedPath(to);
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || leftToBrowser(event, target)) return;
    event.preventDefault();
    // As React Router's Link: following a link to the page shown replaces its history entry.
    void navigate(to, { replace: replace ?? createPath(location) === createPath(path) });
  };
  return <a {...props} href={href} target={target} onClick={click} />;
}
