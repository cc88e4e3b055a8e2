// Finding form controls the way a person does: by their visible label.
import type { Locator, Page } from 'playwright-core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The input labelled exactly `label` (Mantine marks required fields with a trailing " *";
 * a Select's list of options carries the same label, and is not the field).
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escape(label)}( \\*)?$`)).and(scope.locator('input, textarea'));
}

/** Chooses an option of a Mantine Select (its list opens in a portal), typing first if asked. */
export async function pickOption(
  page: Page,
  select: Locator,
  option: string,
  options: { type?: boolean } = {},
): Promise<void> {
  await select.click();
  if (options.type) await select.pressSequentially(option);
  // Only the open list's options: native selects on the page (the cycle switcher) have options too.
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}
