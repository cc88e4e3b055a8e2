// Before the PGlite database tests: one migrated database's image for every test file.
import type { TestProject } from 'vitest/node';
import { dumpImage, openPglite } from '../db/connect.ts';
import { keepImage } from './database-images.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const handle = await openPglite();
  try {
    await handle.migrate();
    const { file, remove } = await keepImage('migrated', await dumpImage(handle));
    project.provide('migratedImage', file);
    return remove;
  } finally {
    await handle.close();
  }
}
