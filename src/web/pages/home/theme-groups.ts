// The home page's organisation objectives grouped by the strategy theme they serve, in the
// themes' order. Each objective shows once, under its first theme (as on the map); a theme
// that others serve as well names those, so leadership sees what carries each direction —
// and which carries none. Objectives serving no theme come last.
export interface ThemeGroup<O> {
  /** Null: the objectives that serve no theme. */
  theme: { id: string; name: string; description: string } | null;
  objectives: O[];
  /** Objectives shown under an earlier theme that serve this one too. */
  alsoServing: O[];
}

export function groupByTheme<O extends { themeIds: string[] }>(
  objectives: readonly O[],
  themes: readonly { id: string; name: string; description: string }[],
): ThemeGroup<O>[] {
  const firstTheme = (o: O) => themes.find((theme) => o.themeIds.includes(theme.id))?.id;
  const groups: ThemeGroup<O>[] = themes.map((theme) => ({
    theme,
    objectives: objectives.filter((o) => firstTheme(o) === theme.id),
    alsoServing: objectives.filter((o) => o.themeIds.includes(theme.id) && firstTheme(o) !== theme.id),
  }));
  const loose = objectives.filter((o) => firstTheme(o) === undefined);
  return loose.length > 0 ? [...groups, { theme: null, objectives: loose, alsoServing: [] }] : groups;
}
