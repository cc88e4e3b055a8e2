// How long texts may be: the API refuses longer ones and the forms count towards the same
// limits, so nothing is cut silently and nothing is typed in vain.
export const TEXT_LIMITS = {
  /** Titles of objectives and key results. */
  title: 300,
  /** Descriptions, strategies and other Markdown. */
  longText: 20_000,
} as const;

/** A batch of reads (POST /batch): the server refuses more, the web app's batcher sends no more. */
export const BATCH_LIMITS = {
  parts: 25,
  /** The longest path of a part (a list of 50 ids in its query string fits). */
  pathLength: 8192,
} as const;

/** Quick search (GET /orgs/{orgId}/search): the dialog asks only once a query is long enough. */
export const SEARCH_LIMITS = {
  /** Characters of the trimmed query: fewer would match nearly everything. */
  minQuery: 2,
  maxQuery: 100,
  /** Hits per group (objectives, key results, units, people). */
  defaultPerGroup: 5,
  maxPerGroup: 20,
} as const;

/** The inbox (the header's bell): how many notifications one request may mark read by id. */
export const INBOX_LIMITS = {
  markRead: 200,
} as const;

/** The sheet import (docs/sheet-import.md): what one spreadsheet may hold. */
export const SHEET_LIMITS = {
  /** The file as uploaded. */
  bytes: 10 * 1024 * 1024,
  /** An XLSX unpacked: its XML parts together (a zip of a few MB may unpack to gigabytes). */
  unpackedBytes: 100 * 1024 * 1024,
  /** The rows and columns as JSON, sent back for the check and the import. */
  jsonBytes: 32 * 1024 * 1024,
  /** Data rows, below the header. */
  rows: 20_000,
  columns: 200,
  /** Characters in one cell: Excel's own limit. */
  cellLength: 32_767,
} as const;

/** Strategy themes: a strategy is a few named directions, not a taxonomy. */
export const THEME_LIMITS = {
  perOrganization: 12,
  name: 80,
  description: 1_000,
} as const;
