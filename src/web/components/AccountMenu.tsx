import { lazy } from 'react';
import { AccountButton } from './AccountButton.tsx';
import { OpenOnDemand } from './OpenOnDemand.tsx';

export interface AccountMenuProps {
  /** The signed-in account's name (unknown for a moment while it loads). */
  name?: string;
  settingsPath: string;
  onSignOut: () => void;
}

const loadDropdown = () => import('./AccountMenuDropdown.tsx');
const AccountMenuDropdown = lazy(loadDropdown);
// Only a head start: a failure here is met again, and shown, when the menu is opened.
const preload = () => void loadDropdown().catch(() => undefined);

/**
 * The header's account menu (settings, sign out). Its code (Mantine's Menu and the
 * floating-ui behind every popover) loads when the pointer or focus comes to the trigger,
 * and the menu opens on the first click as it would have: nobody pays for it on a page
 * where they never open it.
 */
export function AccountMenu(props: AccountMenuProps) {
  return (
    <OpenOnDemand
      preload={preload}
      trigger={(trigger) => <AccountButton name={props.name} aria-haspopup="menu" {...trigger} />}
    >
      <AccountMenuDropdown {...props} />
    </OpenOnDemand>
  );
}
