// The organisation's strategy themes as the API shows them. Every page that groups by
// theme reads them with the organisation, so they are kept a few seconds (caches.ts).
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { strategyThemes } from '../../db/schema.ts';
import type { AppCaches } from '../caches.ts';

export interface ThemeView {
  id: string;
  name: string;
  description: string;
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ThemeRow = typeof strategyThemes.$inferSelect;

export const presentTheme = (row: ThemeRow): ThemeView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  position: row.position,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The organisation's themes in the order leadership lists them. */
export async function loadThemes(deps: { db: Queryable; caches?: AppCaches }, orgId: string): Promise<ThemeView[]> {
  const read = async () => {
    const rows = await deps.db
      .select()
      .from(strategyThemes)
      .where(eq(strategyThemes.orgId, orgId))
      .orderBy(asc(strategyThemes.position), asc(strategyThemes.createdAt), asc(strategyThemes.id));
    return rows.map(presentTheme);
  };
  return (deps.caches ? await deps.caches.themes.get(orgId, read) : await read()) ?? [];
}
