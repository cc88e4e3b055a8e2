import { Suspense, useState, type ReactElement, type ReactNode } from 'react';

export interface OnDemandTriggerProps {
  'aria-expanded': false;
  onPointerEnter: () => void;
  onFocus: () => void;
  onClick: () => void;
}

/**
 * A header button whose popup's code loads when it is first wanted: the pointer or focus on
 * the button starts loading it (`preload`), and the first click mounts `children`, which
 * open as they mount. Until they are there the button stays as it was.
 */
export function OpenOnDemand({
  trigger,
  preload,
  children,
}: {
  trigger: (props: OnDemandTriggerProps) => ReactElement;
  preload: () => void;
  children: ReactNode;
}) {
  const [wanted, setWanted] = useState(false);
  const closed = trigger({
    'aria-expanded': false,
    onPointerEnter: preload,
    onFocus: preload,
    onClick: () => setWanted(true),
  });
  if (!wanted) return closed;
  return <Suspense fallback={closed}>{children}</Suspense>;
}
