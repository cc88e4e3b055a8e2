// A loading indicator that says what it waits for. Mantine's Loader is a bare span, on
// which an aria-label is not allowed (axe: aria-prohibited-attr, met in a dialog scanned
// while its parts loaded); as an indeterminate progress bar its name is read out.
import { Loader, type MantineSize } from '@mantine/core';

export function Spinner({ label, size }: { label: string; size?: MantineSize }) {
  return <Loader role="progressbar" aria-label={label} size={size} />;
}
