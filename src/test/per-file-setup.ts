// Run before each database test file (vitest setupFiles): the hook below ends the file by
// closing what it opened. The database projects do not isolate files (a worker imports the
// app once and runs file after file, which saves minutes of imports per run), so what a
// file opens must not outlive it: the next file gets its own server and database.
import { afterAll } from 'vitest';
import { closeTestServer } from './server.ts';
import { closeTestDatabase } from './test-db.ts';

afterAll(async () => {
  await closeTestServer();
  await closeTestDatabase();
});
