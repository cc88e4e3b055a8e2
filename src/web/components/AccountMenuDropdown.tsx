// The account menu itself (Mantine's Menu with its popover and floating-ui): a chunk of
// its own, loaded when the menu is first wanted (see AccountMenu).
// Signing out leaves the page: a form with unsaved changes asks first.
import { mayLeave } from '../app/history-gate.ts';
import '../styles/mantine-pages.css';
import { Menu } from '@mantine/core';
import { IconBuilding, IconCheck, IconLogout, IconPlus, IconUserCog } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountButton } from './AccountButton.tsx';
import type { AccountMenuProps } from './AccountMenu.tsx';

/** Opens as it mounts: it mounts because the trigger was clicked. */
export default function AccountMenuDropdown({
  name,
  settingsPath,
  onSignOut,
  organizations,
  currentOrgId,
  onNewOrganization,
}: AccountMenuProps) {
  const { t } = useTranslation();
  const trigger = useRef<HTMLButtonElement>(null);
  const replayed = useRef(false);
  useEffect(() => {
    if (replayed.current) return;
    replayed.current = true;
    // The trigger is a new element now: the click that asked for the menu, again, on it
    // (focused first, as the click did the old one, so the menu hands focus back to it).
    trigger.current?.focus();
    trigger.current?.click();
  }, []);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <AccountButton ref={trigger} name={name} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('account.signedInAs', { name: name ?? '' })}</Menu.Label>
        <Menu.Item component={Link} to={settingsPath} leftSection={<IconUserCog size={16} aria-hidden />}>
          {t('account.settings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('account.organizations')}</Menu.Label>
        {organizations.map((org) => (
          <Menu.Item
            key={org.id}
            component={Link}
            to={`/orgs/${org.id}`}
            aria-current={org.id === currentOrgId ? 'page' : undefined}
            aria-label={org.id === currentOrgId ? t('account.current', { name: org.name }) : org.name}
            leftSection={
              org.id === currentOrgId ? <IconCheck size={16} aria-hidden /> : <IconBuilding size={16} aria-hidden />
            }
          >
            {org.name}
          </Menu.Item>
        ))}
        <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={onNewOrganization}>
          {t('account.newOrganization')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => mayLeave() && onSignOut()}>
          {t('account.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
