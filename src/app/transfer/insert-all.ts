// Set-based writes of many rows, for the imports (an organisation export, a spreadsheet): a
// few hundred rows per statement, not one statement per row.

/** Rows per insert statement: well inside PostgreSQL's 65,535 parameters for the widest table. */
export const ROWS_PER_INSERT = 500;

/** Inserts `rows` a few hundred per statement, in order. */
export async function insertAll<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT)
    await insert(rows.slice(start, start + ROWS_PER_INSERT));
}
