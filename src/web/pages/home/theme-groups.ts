// The home page's organisation objectives grouped by the strategy theme they serve, in the
// themes' order: a theme shows every objective that serves it (one serving two themes is in
// both), so leadership sees what carries each direction — and which carries none.
export interface ThemeGroup<O> {
  /** Null: the objectives that serve no theme. */
  theme: { id: string; name: string; description: string } | null;
  objectives: O[];
}

export function groupByTheme<O extends { themeIds: string[] }>(
  objectives: readonly O[],
  themes: readonly { id: string; name: string; description: string }[],
): ThemeGroup<O>[] {
  const known = new Set(themes.map((theme) => theme.id));
  const groups: ThemeGroup<O>[] = themes.map((theme) => ({
    theme,
    objectives: objectives.filter((o) => o.themeIds.includes(theme.id)),
  }));
  const loose = objectives.filter((o) => !o.themeIds.some((id) => known.has(id)));
  return loose.length > 0 ? [...groups, { theme: null, objectives: loose }] : groups;
}
