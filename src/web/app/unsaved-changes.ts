// A form with changes not yet saved asks before they are lost: a reload or closing the tab
// gets the browser's own question (beforeunload), a link inside the app and the browser's
// back and forward buttons ask "Leave without saving?" first, and a dialog's form asks
// before the dialog closes. The app's router is declarative (no data router, so no
// useBlocker): links are caught in the capture phase, before the router's own handler,
// which leaves a click whose default was prevented alone; a history step is caught before
// the router's own handler too (history-gate.ts).
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { guardHistory } from './history-gate.ts';

export function useUnsavedChangesGuard(dirty: boolean): { allowLeaving: (allow?: boolean) => void } {
  const { t } = useTranslation();
  const allowed = useRef(false);
  const question = t('unsaved.leave');
  useEffect(() => {
    if (!dirty) return;
    allowed.current = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (allowed.current) return;
      event.preventDefault();
      // Older browsers ask only when a value is set; its text is not shown any more.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (allowed.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab keeps the form
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank') return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (!window.confirm(question)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const unguardHistory = guardHistory(() => allowed.current || window.confirm(question));
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      unguardHistory();
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, question]);
  // Saving leaves the page on purpose; a save that failed asks again.
  return {
    allowLeaving: (allow = true) => {
      allowed.current = allow;
    },
  };
}

/**
 * A dialog whose form may hold unsaved changes: the form says whether it does
 * (useDialogFormGuard, which also guards links and reloads), and closing the dialog by
 * Escape, a click outside or its close button asks first. A save closes it through
 * `onClose` itself, without asking.
 */
export function useGuardedDialog(onClose: () => void): { dirtyRef: RefObject<boolean>; close: () => void } {
  const { t } = useTranslation();
  const dirtyRef = useRef(false);
  const question = t('unsaved.close');
  return {
    dirtyRef,
    close: () => {
      if (dirtyRef.current && !window.confirm(question)) return;
      dirtyRef.current = false;
      onClose();
    },
  };
}

/** The form's side of useGuardedDialog: keeps the dialog told whether it holds changes. */
export function useDialogFormGuard(dirtyRef: RefObject<boolean>, dirty: boolean): { saved: () => void } {
  const leaving = useUnsavedChangesGuard(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirtyRef, dirty]);
  return {
    saved: () => {
      leaving.allowLeaving();
      dirtyRef.current = false;
    },
  };
}
