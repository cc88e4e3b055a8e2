import { Group, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ComponentPropsWithRef, CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './AccountButton.module.css';

// The account's initials on a colour of their own: what Mantine's <Avatar name color="initials">
// drew (its rule for the letters and the colour, its styles), without its component.
const COLOURS = ['blue', 'cyan', 'grape', 'green', 'indigo', 'lime', 'orange', 'pink', 'red', 'teal', 'violet'];

function colourOf(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i += 1) hash = ((hash << 5) - hash + name.charCodeAt(i)) | 0;
  return COLOURS[Math.abs(hash) % COLOURS.length] ?? 'blue';
}

function initialsOf(name: string): string {
  const words = name.split(' ');
  return (
    words.length === 1
      ? name.slice(0, 2)
      : words
          .map((word) => word[0] ?? '')
          .slice(0, 2)
          .join('')
  ).toUpperCase();
}

/** The account menu's trigger: the account's initials, named by hidden text. */
export function AccountButton({ name = '', ...others }: { name?: string } & ComponentPropsWithRef<'button'>) {
  const { t } = useTranslation();
  const colour = name ? colourOf(name) : 'gray';
  const style = {
    '--avatar-bg': `var(--mantine-color-${colour}-light)`,
    '--avatar-color': `var(--mantine-color-${colour}-light-color)`,
  } as CSSProperties;
  return (
    // Named by hidden text, not aria-label: the visible initials are not a name (WCAG 2.5.3).
    <UnstyledButton {...others}>
      <VisuallyHidden>{t('account.menu')}</VisuallyHidden>
      <Group gap={4} wrap="nowrap">
        <div className={classes.avatar} style={style} aria-hidden>
          <span className={classes.initials}>{initialsOf(name)}</span>
        </div>
        <IconChevronDown size={14} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}
