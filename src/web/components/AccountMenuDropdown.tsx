// The account menu itself (Mantine's Menu with its popover and floating-ui): a chunk of
// its own, loaded when the menu is first wanted (see AccountMenu).
// Signing out leaves the page: a form with unsaved changes asks first. It lists the
// organisations the account belongs to and starts a new one (its dialog stays mounted here
// once the menu has loaded).
import { mayLeave } from '../app/history-gate.ts';
import '../styles/mantine-pages.css';
import { Menu } from '@mantine/core';
import { IconBuilding, IconCheck, IconLogout, IconPlus, IconUserCog } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Link } from './Link.tsx';
import { useMe } from '../api/queries.ts';
import { useTranslation } from 'react-i18next';
import { AccountButton } from './AccountButton.tsx';
import type { AccountMenuProps } from './AccountMenu.tsx';

const NewOrganizationDialog = lazy(() => import('./NewOrganizationDialog.tsx'));

/** Opens as it mounts: it mounts because the trigger was clicked. */
export default function AccountMenuDropdown({ name, settingsPath, onSignOut }: AccountMenuProps) {
  const { t } = useTranslation();
  const { orgId: currentOrgId = '' } = useParams();
  const organizations = useMe().data?.memberships ?? [];
  const [creating, setCreating] = useState(false);
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
    <>
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
              key={org.orgId}
              component={Link}
              to={`/orgs/${org.orgId}`}
              aria-current={org.orgId === currentOrgId ? 'page' : undefined}
              aria-label={org.orgId === currentOrgId ? t('account.current', { name: org.orgName }) : org.orgName}
              leftSection={
                org.orgId === currentOrgId ? (
                  <IconCheck size={16} aria-hidden />
                ) : (
                  <IconBuilding size={16} aria-hidden />
                )
              }
            >
              {org.orgName}
            </Menu.Item>
          ))}
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('account.newOrganization')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => mayLeave() && onSignOut()}>
            {t('account.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {creating && (
        <Suspense fallback={null}>
          <NewOrganizationDialog onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
