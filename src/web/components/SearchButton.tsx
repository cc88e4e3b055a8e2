import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './SearchButton.module.css';

const loadDialog = () => import('../pages/search/SearchDialog.tsx');
const SearchDialog = lazy(loadDialog);
// Only a head start: a failure here is met again, and shown, when the dialog is opened.
const preload = () => void loadDialog().catch(() => undefined);

const onMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * The header's search: a button, and Ctrl+K (⌘K on a Mac) anywhere. The dialog's code
 * (Mantine's Modal, the search's texts) loads when it is first wanted, not with the page.
 */
export function SearchButton({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Mounted from the first opening on, so the dialog can close as Mantine's Modal does.
  const [wanted, setWanted] = useState(false);
  // What is typed after opening until the dialog's field has the focus (the first time the
  // dialog's code loads meanwhile), so "Ctrl+K, kund" finds "kund" however quick the typing.
  const typedAhead = useRef({ collecting: false, text: '' });
  const takeTypedAhead = () => {
    const { text } = typedAhead.current;
    typedAhead.current = { collecting: false, text: '' };
    return text;
  };
  const open = () => {
    typedAhead.current = { collecting: true, text: '' };
    setWanted(true);
    setOpened(true);
  };
  const openRef = useRef(open);
  useEffect(() => {
    openRef.current = open;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      if (typedAhead.current.collecting && !modified && event.key.length === 1) {
        // Meant for the search, not for whatever had the focus before it.
        event.preventDefault();
        typedAhead.current.text += event.key;
      }
      // Either modifier on any system: people who switch machines press both.
      if (event.key.toLowerCase() !== 'k' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey)
        return;
      event.preventDefault();
      openRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <UnstyledButton
        className={classes.button}
        aria-keyshortcuts={onMac ? 'Meta+K' : 'Control+K'}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={open}
      >
        <IconSearch size={16} aria-hidden />
        <span className={classes.text}>{t('search.open')}</span>
        <kbd className={classes.shortcut} aria-hidden>
          {onMac ? '⌘K' : 'Ctrl K'}
        </kbd>
      </UnstyledButton>
      {wanted && (
        <Suspense fallback={null}>
          <SearchDialog
            orgId={orgId}
            opened={opened}
            onClose={() => setOpened(false)}
            takeTypedAhead={takeTypedAhead}
          />
        </Suspense>
      )}
    </>
  );
}
