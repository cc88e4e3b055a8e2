// The address of a cycle's OKR sheet (GET /orgs/{id}/okr-sheet, docs/export.md): a plain
// link downloads it, the session's cookie signing the request.
export type OkrSheetFormat = 'csv' | 'xlsx';

export function okrSheetUrl(
  orgId: string,
  sheet: { cycleId: string; unitId?: string; format: OkrSheetFormat; lang: string },
): string {
  const query = new URLSearchParams({ cycleId: sheet.cycleId });
  if (sheet.unitId) query.set('unitId', sheet.unitId);
  query.set('format', sheet.format);
  query.set('lang', sheet.lang === 'en' ? 'en' : 'sv');
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/okr-sheet?${query}`;
}
