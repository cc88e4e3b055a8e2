// Every problem the code raises has a title in both languages: a key left out (or put in
// the field messages by mistake) would answer with the generic "The request is not valid".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TITLES } from './problem-messages.ts';

const src = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [file] : [];
  });
}

describe('problem titles', () => {
  it('has a Swedish and an English title for every problem key raised', () => {
    const raised = new Set<string>();
    for (const file of [...sourceFiles(path.join(src, 'app')), ...sourceFiles(path.join(src, 'server'))]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'[a-z_]+',\s*'([a-z_]+)'/g)) {
        if (match[1]) raised.add(match[1]);
      }
    }
    expect(raised.size).toBeGreaterThan(20);
    const untitled = [...raised].filter((key) => !PROBLEM_TITLES[key]?.sv || !PROBLEM_TITLES[key]?.en);
    expect(untitled).toEqual([]);
  });
});
