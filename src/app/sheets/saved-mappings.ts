// The organisation's column choices from its last sheet imports, by header (sheet_mappings):
// read to offer them again, written by a successful import.
import { and, eq, sql } from 'drizzle-orm';
import { SHEET_FIELDS, type SheetField } from '../../core/okr-sheet-columns.ts';
import { normaliseText } from '../../core/sheet-values.ts';
import type { Queryable } from '../../db/connect.ts';
import { textArray } from '../../db/raw.ts';
import { sheetMappings } from '../../db/schema.ts';

const isField = (value: string | null): value is SheetField => SHEET_FIELDS.includes(value as SheetField);

/** The saved choice for each of these headers that has one: a field, or null (left out). */
export async function savedMappingFor(
  q: Queryable,
  orgId: string,
  headers: readonly string[],
): Promise<Map<string, SheetField | null>> {
  const keys = [...new Set(headers.map(normaliseText).filter((h) => h !== ''))];
  if (keys.length === 0) return new Map();
  const rows = await q
    .select({ header: sheetMappings.header, field: sheetMappings.field })
    .from(sheetMappings)
    .where(and(eq(sheetMappings.orgId, orgId), sql`${sheetMappings.header} = any(${textArray(keys)})`));
  // A field no longer known (renamed in a later version) is as good as none.
  return new Map(rows.flatMap((r) => (r.field === null || isField(r.field) ? [[r.header, r.field] as const] : [])));
}

/** Saves the choices of one import: each of its headers → its field or null, replacing earlier ones. */
export async function saveMapping(
  q: Queryable,
  orgId: string,
  choices: ReadonlyMap<string, SheetField | null>,
  now: Date,
): Promise<void> {
  if (choices.size === 0) return;
  await q
    .insert(sheetMappings)
    .values([...choices].map(([header, field]) => ({ orgId, header, field, updatedAt: now })))
    .onConflictDoUpdate({
      target: [sheetMappings.orgId, sheetMappings.header],
      set: { field: sql`excluded.field`, updatedAt: now },
    });
}
