// A session ends after a week unused (RIKTNING_SESSION_IDLE_MINUTES), before its thirty
// days are up; using it keeps it going. The refusal says the session has ended, and the
// server's cache of callers ends it on time as well.
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCaches, forgetCallers } from '../app/caches.ts';
import { createOrg } from '../test/factories.ts';
import { ApiClient, testServer } from '../test/server.ts';
import { buildServer } from './app.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = new Date('2026-05-15T10:00:00Z');

async function signedIn() {
  const { app, deps, clock } = await testServer();
  clock.set(START);
  const { owner } = await createOrg(deps.db);
  const person = await ApiClient.signIn(app, owner.email);
  /**
   * GET /me as the person `ms` after sign-in. The test clock leaps days in a moment, so the
   * callers' cache (a few seconds of real time) is emptied first, as those days would have.
   */
  const meAt = (ms: number, headers: Record<string, string> = {}, cached = false) => {
    clock.set(new Date(START.getTime() + ms));
    if (!cached) forgetCallers(deps);
    return person.get('/api/v1/me', { headers });
  };
  return { app, deps, clock, owner, person, meAt };
}

afterEach(async () => {
  (await testServer()).clock.set(START);
});

describe('the idle timeout of sessions', () => {
  it('keeps a session that is used within a week going, past the week after sign-in', async () => {
    const { meAt } = await signedIn();
    expect((await meAt(6 * DAY)).statusCode).toBe(200);
    expect((await meAt(12 * DAY)).statusCode).toBe(200);
    expect((await meAt(18 * DAY)).statusCode).toBe(200);
  });

  it('refuses a session unused for more than a week, saying it has ended, in the caller’s language', async () => {
    const { meAt, person } = await signedIn();
    const refused = await meAt(7 * DAY + MINUTE, { 'accept-language': 'sv' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({
      code: 'session_expired',
      title: 'Din session har upphört (oanvänd för länge eller för gammal): logga in igen',
    });
    expect((await meAt(7 * DAY + 2 * MINUTE)).json<{ title: string }>().title).toBe(
      'Your session has ended (unused for too long, or too old): sign in again',
    );
    // Asking whether one is signed in is never refused: the web app then shows sign-in.
    expect((await person.get('/api/v1/auth/session')).json()).toEqual({ account: null });
  });

  it('still ends every session thirty days after sign-in, however busy', async () => {
    const { meAt } = await signedIn();
    for (let day = 5; day < 30; day += 5) expect((await meAt(day * DAY)).statusCode).toBe(200);
    const refused = await meAt(30 * DAY + MINUTE);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'session_expired' });
  });

  it('answers an unknown session cookie as not signed in, not as ended', async () => {
    const { app } = await testServer();
    const response = await new ApiClient(app, 'riktning_session=nonsense').get('/api/v1/me');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('ends a session the cache still holds once its idle time is up', async () => {
    const { meAt } = await signedIn();
    // Read at six days, so the cache holds the caller, then just past a week after that.
    expect((await meAt(6 * DAY)).statusCode).toBe(200);
    expect((await meAt(13 * DAY + MINUTE, {}, true)).statusCode).toBe(401);
  });

  it('takes its idle time from the configuration: thirty minutes when set so', async () => {
    const { deps, clock } = await testServer();
    clock.set(START);
    const { owner } = await createOrg(deps.db);
    const strictDeps = { ...deps, sessionIdleMinutes: 30, caches: createAppCaches() };
    const strict = await buildServer({ deps: strictDeps });
    try {
      const person = await ApiClient.signIn(strict, owner.email);
      const meAt = (minutes: number) => {
        clock.set(new Date(START.getTime() + minutes * MINUTE));
        forgetCallers(strictDeps);
        return person.get('/api/v1/me');
      };
      expect((await meAt(25)).statusCode).toBe(200);
      expect((await meAt(50)).statusCode).toBe(200);
      expect((await meAt(50 + 31)).statusCode).toBe(401);
    } finally {
      await strict.close();
    }
  });
});
