/** The organisation export's format name (api/schemas/export.ts): a new one when the document changes shape. */
export const EXPORT_FORMAT = 'riktning/1';
