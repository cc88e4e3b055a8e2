// How a command's answer is shown: a table for people, or JSON for scripts (--format).
import type { Writable } from 'node:stream';

export const FORMATS = ['table', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function writeJson(out: Writable, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Columns padded to their widest cell; no borders, so it reads in any terminal and greps well. */
export function writeTable(out: Writable, headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  out.write(`${[line(headers), ...rows.map(line)].join('\n')}\n`);
}
