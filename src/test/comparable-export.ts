// Two exports of the same organisation's contents, made comparable: what an import changes
// (every id, the receiving organisation's own name and slug, the time of the export) is
// taken out, and each id becomes a token by the order it first appears.
import type { ExportDocumentType } from '../api/schemas/export.ts';

export function comparableExport(doc: ExportDocumentType) {
  const profile: Partial<ExportDocumentType['organization']> = { ...doc.organization };
  delete profile.id;
  delete profile.slug;
  delete profile.name;
  delete profile.createdAt;
  const rest: Partial<ExportDocumentType> = { ...doc };
  delete rest.exportedAt;
  delete rest.organization;
  const tokens = new Map<string, string>();
  const text = JSON.stringify({ profile, ...rest }).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => tokens.get(id) ?? (tokens.set(id, `#${tokens.size}`), `#${tokens.size - 1}`),
  );
  return JSON.parse(text) as unknown;
}
