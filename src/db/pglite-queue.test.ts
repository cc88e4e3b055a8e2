// The embedded database's line (pglite-queue.ts) on a real PGlite: requests are served in
// the order they arrived, a transaction included, and the line is bounded. The database is
// held busy by a transaction that waits for the test (no timing): what is asserted is the
// order of completion and the refusals.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppCaches } from '../app/caches.ts';
import { buildServer } from '../server/app.ts';
import { readImage } from '../test/database-images.ts';
import { testEngine } from '../test/test-db.ts';
import { openPglite, openPgliteFromImage, type DatabaseHandle } from './connect.ts';
import { atPlace, DatabaseBusyError, databaseBusyError, nextPlace, type QueueLimits } from './pglite-queue.ts';

async function openWith(limits: QueueLimits): Promise<DatabaseHandle> {
  const image = inject('migratedImage');
  if (image) return openPgliteFromImage(await readImage(image), limits);
  const handle = await openPglite(undefined, undefined, limits);
  await handle.migrate();
  return handle;
}

/** Holds the database in a transaction until `release` is called. */
async function holdBusy(handle: DatabaseHandle): Promise<{ release: () => void; done: Promise<void> }> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let begun = () => {};
  const inside = new Promise<void>((resolve) => (begun = resolve));
  const done = handle.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`);
    begun();
    await released;
  });
  await inside;
  return { release, done };
}

/** Lets every pending callback run, so that statements issued now are waiting in line. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** A database of its own for the tests of one `describe`, its line bounded by `limits`. */
function databaseWith(limits: QueueLimits): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await openWith(limits);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('the database is not open');
    return handle;
  };
}

describe.skipIf(testEngine() !== 'pglite')('the embedded database’s line', () => {
  const database = databaseWith({ waitMs: 60_000, maxWaiting: 4 });

  it('serves requests in the order they arrived: a request once begun goes before later ones', async () => {
    const handle = database();
    const { db } = handle;
    const busy = await holdBusy(handle);
    const done: string[] = [];
    // Three requests, each of two statements one after the other; the second a transaction.
    const request = (name: string, second: () => Promise<unknown>) =>
      atPlace(nextPlace(), async () => {
        await db.execute(sql`select 1`);
        done.push(`${name}1`);
        await second();
        done.push(`${name}2`);
      });
    const all = [
      request('a', () => db.execute(sql`select 2`)),
      request('b', () => db.transaction((tx) => tx.execute(sql`select 3`))),
      request('c', () => db.execute(sql`select 4`)),
    ];
    try {
      await settle();
      expect(handle.poolUse().waiting).toBe(3);
    } finally {
      busy.release();
      await Promise.all([busy.done, ...all]);
    }
    // Statement by statement in the order issued, it would be a1 b1 c1 a2 b2 c2: each request
    // behind every other one again at each statement.
    expect(done).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
  });

  it('refuses at once a statement of a new request that finds the line full', async () => {
    const handle = database();
    const { db } = handle;
    const busy = await holdBusy(handle);
    // Awaited inside: a Drizzle query runs when awaited, and takes the place of where that is.
    const statement = (text: string) =>
      atPlace(nextPlace(), async () => {
        await db.execute(sql`select ${text}::text`);
      });
    const waiting = ['one', 'two', 'three', 'four'].map(statement);
    try {
      await settle();
      expect(handle.poolUse().waiting).toBe(4);
      const refused = await statement('one too many').catch(databaseBusyError);
      expect(refused).toEqual(new DatabaseBusyError('full', 60));
    } finally {
      busy.release();
      await Promise.all([busy.done, ...waiting]);
    }
    expect(handle.poolUse().waiting).toBe(0);
  });
});

describe.skipIf(testEngine() !== 'pglite')('a request that waits too long for the embedded database', () => {
  const database = databaseWith({ waitMs: 200, maxWaiting: 1000 });

  it('is refused, not left waiting', async () => {
    const handle = database();
    const busy = await holdBusy(handle);
    try {
      const refused = await handle.db.execute(sql`select 1`).then(() => null, databaseBusyError);
      // The database is still held: the statement did not wait for it.
      expect(refused).toEqual(new DatabaseBusyError('waited', 1));
    } finally {
      busy.release();
      await busy.done;
    }
  });

  it('gets a 503 problem in the caller’s language, with Retry-After', async () => {
    const handle = database();
    const app = await buildServer({
      deps: { db: handle.db, now: () => new Date(), caches: createAppCaches() },
      loginRateLimit: 1000,
    });
    try {
      const busy = await holdBusy(handle);
      // A token is looked up in the database before anything else.
      const response = await app
        .inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: 'Bearer rkt_unknown', 'accept-language': 'sv' },
        })
        .finally(() => busy.release());
      await busy.done;
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({
        status: 503,
        code: 'database_busy',
        title: 'Servern är för upptagen för att svara just nu; försök igen om en stund',
      });
    } finally {
      await app.close();
    }
  });
});
