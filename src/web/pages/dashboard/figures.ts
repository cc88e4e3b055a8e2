// Formatting shared by the dashboard's parts.
import type { Status } from '../../../core/domain.ts';

/** Net confidence −1…1 as a signed whole number from −100 to +100 ("+14", "−50", "0"). */
export function formatNet(locale: string, net: number): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(
    Math.round(net * 100),
  );
}

/** The colour of a status in charts: the same hues as the status badges. */
export const STATUS_FILL: Record<Status, string> = {
  on_track: 'var(--mantine-color-teal-6)',
  at_risk: 'var(--mantine-color-yellow-6)',
  off_track: 'var(--mantine-color-red-6)',
};
