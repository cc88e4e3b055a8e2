import { UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';
import classes from './BellButton.module.css';

/** The bell in the header: named with the unread count ("Notifications, 3 unread"), which a badge shows. */
export function BellButton({ unread, ...others }: { unread: number } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <UnstyledButton
      className={classes.button}
      aria-label={unread ? t('inbox.bellUnread', { count: unread }) : t('inbox.bell')}
      aria-haspopup="dialog"
      data-testid="inbox-bell"
      {...others}
    >
      <IconBell size={18} aria-hidden />
      {unread > 0 && (
        <span className={classes.badge} aria-hidden data-testid="inbox-unread">
          {format.number(unread)}
        </span>
      )}
    </UnstyledButton>
  );
}
