import {
  createTheme,
  darken,
  luminance,
  mergeThemeOverrides,
  type CSSVariablesResolver,
  type MantineThemeOverride,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // WCAG AA: white text on the default shade 6 reaches only 3.6:1; shade 8 reaches 5:1.
  // (The paler defaults for dimmed text, links and badge text are raised below.)
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  // Focus must be visible for keyboard users everywhere, not only on some components.
  focusRing: 'auto',
  // People who ask their system for less motion get dialogs and menus without animation
  // (and the browser journeys, which ask for it too, scan dialogs that are fully drawn).
  respectReducedMotion: true,
});

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** `colour`, darkened just enough to be read on `background` (WCAG AA, 4.5:1 for text). */
function readable(colour: string, background: string): string {
  let result = colour;
  for (let step = 1; contrast(result, background) < 4.6 && step <= 10; step++) result = darken(colour, step * 0.05);
  return result;
}

/**
 * WCAG AA contrast in the light scheme. Mantine's defaults are too pale for small text in
 * places: dimmed text (gray 6, 3.3:1 on white), coloured text and outline badges in shade
 * 8 (teal 3.9:1), light badges, avatar initials and the hovered active navigation link
 * (shade 9 on shade 1–2: orange 3.6:1, green 3.8:1, blue 4.0:1). Each palette colour is darkened just as much as it needs; filled colours
 * stay as they are (autoContrast picks dark or light text on them, and bars need only 3:1).
 * Found by the axe scans of the browser journeys (src/web/e2e).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-anchor': readable(t.colors.blue[8], t.white),
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    const onWhite = readable(shades[8], t.white);
    light[`--mantine-color-${name}-text`] = onWhite;
    light[`--mantine-color-${name}-outline`] = onWhite;
    // Against shade 2, not 1: a light control's hover background (the active navigation
    // link under the mouse) is a little darker than its resting one.
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[2]);
  }
  // Mantine's dimmed text in the dark scheme (dark.2 on dark.7, 4.0:1) is too faint to read.
  const dark: Record<string, string> = { '--mantine-color-dimmed': t.colors.dark[1] };
  return { variables: {}, light, dark };
};

/**
 * The theme in the reader's language: Mantine's close buttons (of every dialog and
 * notification) have no accessible name of their own. Found by the axe scans.
 */
export function localisedTheme(closeLabel: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': closeLabel };
  return mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        // Plain objects, not Modal.extend(): importing the components would put the dialog
        // code into the first page's bundle.
        Modal: { defaultProps: { closeButtonProps } },
        Notification: { defaultProps: { closeButtonProps } },
      },
    }),
  );
}
