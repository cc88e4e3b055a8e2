// Migrates the PostgreSQL test database once before the PostgreSQL test run.
import { openPostgres } from '../db/connect.ts';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('The postgres test project needs TEST_DATABASE_URL');
  const db = await openPostgres(url, 1);
  try {
    await db.migrate();
  } finally {
    await db.close();
  }
}
