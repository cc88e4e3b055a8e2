// Database images shared by a test run: a global set-up makes a PGlite database once
// (migrated; for the browser journeys also seeded with the demo), writes its image to a
// file and provides the file's path; each test file then starts from a copy of it instead
// of creating and migrating its own (connect.ts, openPgliteFromImage).
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty database's image (the pglite project). */
    migratedImage?: string;
    /** The demo database's image and its organisation (the browser project). */
    demoImage?: { file: string; orgId: string };
  }
}

/** Writes an image where this run's test files can read it; returns the file and its removal. */
export async function keepImage(name: string, image: Blob): Promise<{ file: string; remove: () => Promise<void> }> {
  const file = path.join(tmpdir(), `riktning-${name}-${process.pid}-${Date.now()}.tar`);
  await writeFile(file, Buffer.from(await image.arrayBuffer()));
  return { file, remove: () => rm(file, { force: true }) };
}

export async function readImage(file: string): Promise<Blob> {
  return new Blob([await readFile(file)]);
}
