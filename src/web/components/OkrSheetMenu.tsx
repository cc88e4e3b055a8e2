import { lazy } from 'react';
import { OkrSheetButton } from './OkrSheetButton.tsx';
import { OpenOnDemand } from './OpenOnDemand.tsx';

export interface OkrSheetMenuProps {
  orgId: string;
  /** Each cycle gets its own two links: a quarter's page may offer its year's too. */
  cycles: { id: string; name: string }[];
  /** A unit's sheet (its own objectives and its people's); the organisation's when unset. */
  unitId?: string;
}

const loadDropdown = () => import('./OkrSheetMenuDropdown.tsx');
const OkrSheetMenuDropdown = lazy(loadDropdown);
// Only a head start: a failure here is met again, and shown, when the menu is opened.
const preload = () => void loadDropdown().catch(() => undefined);

/**
 * "Download": the cycle's OKRs as CSV or Excel, through plain links to the API. The menu's
 * code (Mantine's Menu and floating-ui) loads when it is first wanted, as the account menu's.
 */
export function OkrSheetMenu(props: OkrSheetMenuProps) {
  return (
    <OpenOnDemand preload={preload} trigger={(trigger) => <OkrSheetButton {...trigger} />}>
      <OkrSheetMenuDropdown {...props} />
    </OpenOnDemand>
  );
}
