import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MARK_READ_SHARED_MS, WriteMark } from '../app/write-mark.ts';
import type { Db } from '../db/connect.ts';
import { keyResults, objectives } from '../db/schema.ts';
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createPrivateObjective,
} from '../test/factories.ts';
import { ApiClient, testServer } from '../test/server.ts';
import { countStatements } from '../test/statements.ts';

interface ListedObjective {
  id: string;
  title: string;
  expectedProgress: number;
  abilities: Record<string, boolean>;
  keyResults: { id: string; current: number | null }[];
}

async function orgWithObjectives(count = 3) {
  const server = await testServer();
  const { db } = server.deps;
  const { org, owner } = await createOrg(db);
  const cycle = await createCycle(db, org.id, { startsOn: '2026-04-01', endsOn: '2026-06-30' });
  const made = [];
  for (let i = 0; i < count; i++) {
    const objective = await createObjective(db, org.id, cycle.id, { level: 'organization' }, { title: `Mål ${i}` });
    made.push({
      objective,
      keyResult: await createKeyResult(db, org.id, objective.id, { startValue: 0, targetValue: 100 }),
    });
  }
  const admin = await ApiClient.signIn(server.app, owner.email);
  const url = `/api/v1/orgs/${org.id}/objectives?cycleId=${cycle.id}&limit=200`;
  const list = async (client = admin, headers?: Record<string, string>) => {
    const answer = await client.get(url, headers ? { headers } : {});
    expect(answer.statusCode).toBe(200);
    return answer;
  };
  const items = async (client = admin) => (await list(client)).json<{ items: ListedObjective[] }>().items;
  return { ...server, db, org, owner, cycle, made, admin, url, list, items };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/**
 * Runs `reads` and says whether the write mark stood throughout: on PostgreSQL, test files
 * running beside this one write and move it, and a read after a move is worked out again,
 * as it should be. First waits until the server's last read of the mark is no longer
 * shared, so the server reads it anew during `reads`.
 */
async function markStood(db: Db, reads: () => Promise<void>): Promise<boolean> {
  const markNow = () => new WriteMark(db).current();
  await new Promise((resolve) => setTimeout(resolve, MARK_READ_SHARED_MS + 1));
  const before = await markNow();
  await reads();
  return (await markNow()) === before;
}

describe('kept reads', () => {
  it('answers a page read again from what it kept: no statement but the write mark’s read', async () => {
    const { deps, admin, url, items } = await orgWithObjectives();
    const original = { db: deps.db };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const counted = countStatements(original.db);
      const stood = await markStood(original.db, async () => {
        const first = await items();
        // The mark reads the database uncounted.
        Object.assign(deps, { db: counted.db });
        try {
          const again = await admin.get(url);
          expect(again.json<{ items: ListedObjective[] }>().items).toEqual(first);
        } finally {
          Object.assign(deps, original);
        }
      });
      if (!stood) continue;
      expect(counted.statements()).toBe(0);
      return;
    }
    throw new Error('the write mark moved during every attempt');
  });

  it('shows a write made through this server at once, before the write mark has moved', async () => {
    const { deps, db, admin, made, items } = await orgWithObjectives();
    // This process's own writes drop what it keeps; the mark, moved a moment later, is for
    // the others. Here it does not move at all.
    const { writeMark } = deps;
    deps.writeMark = Object.assign(new WriteMark(db), { wrote: () => {} });
    try {
      await ownWritesShowAtOnce(admin, made, items);
    } finally {
      deps.writeMark = writeMark;
    }
  });

  async function ownWritesShowAtOnce(
    admin: ApiClient,
    made: { objective: { id: string }; keyResult: { id: string } }[],
    items: () => Promise<ListedObjective[]>,
  ) {
    expect((await items()).map((o) => o.keyResults[0]?.current)).toEqual([0, 0, 0]);
    const keyResult = at(made, 1).keyResult;
    const checkIn = await admin.post(`/api/v1/key-results/${keyResult.id}/check-ins`, { value: 40, confidence: 7 });
    expect(checkIn.statusCode).toBe(201);
    expect((await items()).map((o) => o.keyResults[0]?.current)).toEqual([0, 40, 0]);

    const renamed = await admin.patch(
      `/api/v1/objectives/${at(made, 2).objective.id}`,
      { title: 'Nytt namn' },
      {
        headers: { 'if-match': '"1"' },
      },
    );
    expect(renamed.statusCode).toBe(200);
    expect((await items()).map((o) => o.title)).toEqual(['Mål 0', 'Mål 1', 'Nytt namn']);
  }

  it('keeps My OKRs’ lists too — a person’s key results and activities — and shows a write to them at once', async () => {
    const { deps, org, owner, admin, made } = await orgWithObjectives(1);
    const keyResult = at(made, 0).keyResult;
    await deps.db.update(keyResults).set({ ownerId: owner.id }).where(eq(keyResults.id, keyResult.id));
    const mine = `/api/v1/orgs/${org.id}/key-results?ownerId=${owner.id}&limit=200`;
    const myActivities = `/api/v1/orgs/${org.id}/activities?ownerId=${owner.id}&limit=200`;
    const read = async (url: string) => (await admin.get(url)).json<{ items: Record<string, unknown>[] }>().items;
    expect(await read(mine)).toMatchObject([{ id: keyResult.id, current: 0 }]);
    expect(await read(myActivities)).toEqual([]);

    const original = { db: deps.db };
    const counted = countStatements(original.db);
    const stood = await markStood(original.db, async () => {
      await read(mine);
      await read(myActivities);
      Object.assign(deps, { db: counted.db });
      try {
        await read(mine);
        await read(myActivities);
      } finally {
        Object.assign(deps, original);
      }
    });
    // Kept: no statement but the mark's read (the server's mark reads uncounted).
    if (stood) expect(counted.statements()).toBe(0);

    expect(
      (await admin.post(`/api/v1/key-results/${keyResult.id}/check-ins`, { value: 25, confidence: 6 })).statusCode,
    ).toBe(201);
    const planned = await admin.post(`/api/v1/key-results/${keyResult.id}/activities`, {
      title: 'Boka workshop',
      ownerId: owner.id,
    });
    expect(planned.statusCode).toBe(201);
    expect(await read(mine)).toMatchObject([{ id: keyResult.id, current: 25 }]);
    expect(await read(myActivities)).toMatchObject([{ title: 'Boka workshop' }]);
  });

  it('keeps the feed when there is no standby, and shows a new event at once', async () => {
    const { deps, org, admin, made } = await orgWithObjectives(1);
    const feed = `/api/v1/orgs/${org.id}/feed?limit=10`;
    const events = async () => (await admin.get(feed)).json<{ items: { type: string }[] }>().items;
    const first = await events();
    const original = { db: deps.db };
    const counted = countStatements(original.db);
    const stood = await markStood(original.db, async () => {
      await events();
      Object.assign(deps, { db: counted.db });
      try {
        expect(await events()).toEqual(first);
      } finally {
        Object.assign(deps, original);
      }
    });
    if (stood) expect(counted.statements()).toBe(0);
    const keyResult = at(made, 0).keyResult;
    expect(
      (await admin.post(`/api/v1/key-results/${keyResult.id}/check-ins`, { value: 5, confidence: 8 })).statusCode,
    ).toBe(201);
    expect((await events()).length).toBe(first.length + 1);
  });

  it('shows another process’s write once that process has moved the write mark', async () => {
    const { db, made, items } = await orgWithObjectives();
    const otherProcess = new WriteMark(db);
    let before: ListedObjective[] = [];
    let meanwhile: ListedObjective[] = [];
    const stood = await markStood(db, async () => {
      before = await items();
      // Another server process writes (straight to the database, as this process sees it) …
      await db
        .update(objectives)
        .set({ title: 'Från en annan process' })
        .where(eq(objectives.id, at(made, 0).objective.id));
      await db
        .update(keyResults)
        .set({ currentValue: 70 })
        .where(eq(keyResults.id, at(made, 0).keyResult.id));
      meanwhile = await items();
    });
    // Until it moves the mark, this process answers as it kept the page: that is what keeping is.
    if (stood) expect(meanwhile).toEqual(before);
    // Its transaction committed, the other process moves the mark.
    otherProcess.wrote();
    await otherProcess.flush();
    // This process reads the mark anew once its last read is no longer shared (moments).
    await expect
      .poll(async () => at(await items(), 0), { interval: MARK_READ_SHARED_MS })
      .toMatchObject({ title: 'Från en annan process', keyResults: [{ current: 70 }] });
  });

  it('keeps each reader’s own answer: what they may read and what they may do', async () => {
    const { db, app, org, owner, cycle, admin, items } = await orgWithObjectives(1);
    const secret = await createPrivateObjective(db, org.id, cycle.id, owner.id);
    const member = await createMember(db, org.id, 'member');
    const asAdmin = await items();
    const asMember = await items(await ApiClient.signIn(app, member.email));
    expect(asAdmin.map((o) => o.id)).toContain(secret.id);
    expect(asMember.map((o) => o.id)).not.toContain(secret.id);
    expect(asAdmin[0]?.abilities['objective.update']).toBe(true);
    expect(asMember[0]?.abilities['objective.update']).toBe(false);
    // The admin's kept answer is still the admin's.
    expect(await items(admin)).toEqual(asAdmin);
  });

  it('works a kept page out again once the clock has moved a minute: how far into the cycle it should be', async () => {
    const { db, clock, items } = await orgWithObjectives(1);
    let before = 0;
    let withinTheMinute = 0;
    const stood = await markStood(db, async () => {
      clock.set('2026-05-15T10:00:00Z');
      before = at(await items(), 0).expectedProgress;
      clock.set('2026-05-15T10:00:59Z');
      withinTheMinute = at(await items(), 0).expectedProgress;
    });
    if (stood) expect(withinTheMinute).toBe(before);
    clock.set('2026-05-16T10:00:00Z');
    expect(at(await items(), 0).expectedProgress).toBeGreaterThan(before);
    // A clock set back is never answered from its future.
    clock.set('2026-05-15T10:00:00Z');
    expect(at(await items(), 0).expectedProgress).toBe(before);
  });

  it('sends each encoding the client takes, the same answer in each, and asks for each read', async () => {
    const { app, url, list } = await orgWithObjectives(8);
    const plain = await list(undefined, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    for (const round of [1, 2]) {
      const brotli = await list(undefined, { 'accept-encoding': 'gzip, deflate, br' });
      expect(brotli.headers['content-encoding'], `round ${round}`).toBe('br');
      expect(brotli.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
      const gzip = await list(undefined, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], `round ${round}`).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    }
    // Kept or not, the caller is asked who they are on every read.
    const signedOut = await ApiClient.anonymous(app).get(url);
    expect(signedOut.statusCode).toBe(401);
  });
});
