// The download menu itself (Mantine's Menu): a chunk of its own, loaded when the menu is
// first wanted (see OkrSheetMenu). Each item is a link to the file, in the page's language.
import '../styles/mantine-pages.css';
import { Menu } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { okrSheetUrl, type OkrSheetFormat } from './okr-sheet-url.ts';
import { OkrSheetButton } from './OkrSheetButton.tsx';
import type { OkrSheetMenuProps } from './OkrSheetMenu.tsx';

/** Opens as it mounts: it mounts because the trigger was clicked. */
export default function OkrSheetMenuDropdown({ orgId, cycles, unitId }: OkrSheetMenuProps) {
  const { t, i18n } = useTranslation('sheets');
  const trigger = useRef<HTMLButtonElement>(null);
  const replayed = useRef(false);
  useEffect(() => {
    if (replayed.current) return;
    replayed.current = true;
    // The trigger is a new element now: the click that asked for the menu, again, on it.
    trigger.current?.focus();
    trigger.current?.click();
  }, []);
  const href = (cycleId: string, format: OkrSheetFormat) =>
    okrSheetUrl(orgId, { cycleId, unitId, format, lang: i18n.language });
  // With more than one cycle, each link names its cycle (the labels above them are not read with them).
  const name = (cycle: { name: string }, format: string) =>
    cycles.length > 1 ? `${cycle.name}: ${format}` : undefined;
  return (
    // No focus placeholder: a role="presentation" element with a tabindex among the menu's
    // items is an ARIA error (axe: aria-required-children); the arrow keys still start at the first item.
    <Menu position="bottom-end" withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <OkrSheetButton ref={trigger} />
      </Menu.Target>
      <Menu.Dropdown>
        {cycles.map((cycle, i) => (
          <Fragment key={cycle.id}>
            {i > 0 && <Menu.Divider />}
            <Menu.Label>{t('menu', { cycle: cycle.name })}</Menu.Label>
            <Menu.Item
              component="a"
              href={href(cycle.id, 'csv')}
              download
              aria-label={name(cycle, t('csv'))}
              leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            >
              {t('csv')}
            </Menu.Item>
            <Menu.Item
              component="a"
              href={href(cycle.id, 'xlsx')}
              download
              aria-label={name(cycle, t('xlsx'))}
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t('xlsx')}
            </Menu.Item>
          </Fragment>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
