import { Button } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The download menu's trigger, the same before and after the menu's code has loaded. Its
 * chevron is the header's account menu's: the organisation home's first load carries no
 * icon for it of its own (its JavaScript has a budget, README.md).
 */
export function OkrSheetButton(props: ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  return (
    <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />} aria-haspopup="menu" {...props}>
      {t('sheet.download')}
    </Button>
  );
}
