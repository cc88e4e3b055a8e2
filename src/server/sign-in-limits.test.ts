// The attempt limits of signing in, as a guesser meets them: per e-mail and address, per
// e-mail from everywhere, per address for all e-mails; and which address a request has
// when it comes through a proxy (RIKTNING_TRUST_PROXY).
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildServer, type Server } from './app.ts';
import { signInLimits } from './sign-in-limits.ts';
import { testServer } from '../test/server.ts';
import { createAccount, TEST_PASSWORD } from '../test/factories.ts';

const PER_ADDRESS_AND_EMAIL = 3;
const limits = signInLimits(PER_ADDRESS_AND_EMAIL);

async function withServer(
  options: { trustProxy?: string[]; loginRateLimit?: number },
  work: (app: Server) => Promise<void>,
): Promise<void> {
  const { deps } = await testServer();
  const app = await buildServer({ deps, loginRateLimit: PER_ADDRESS_AND_EMAIL, ...options });
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

const signIn = (
  app: Server,
  email: string,
  password: string,
  from: { remoteAddress?: string; forwardedFor?: string; locale?: string } = {},
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: from.remoteAddress ?? '192.0.2.1',
    headers: {
      ...(from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}),
      ...(from.locale ? { 'accept-language': from.locale } : {}),
    },
  });

async function statusesOf(count: number, attempt: (i: number) => Promise<LightMyRequestResponse>) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await attempt(i)).statusCode);
  return statuses;
}

const refusedThen = (refused: number, limited: number) => [
  ...Array<number>(refused).fill(401),
  ...Array<number>(limited).fill(429),
];

describe('sign-in attempt limits', () => {
  it('locks one e-mail after its wrong passwords, while another account signs in from the same address', async () => {
    const { deps } = await testServer();
    const target = await createAccount(deps.db);
    const colleague = await createAccount(deps.db);
    await withServer({}, async (app) => {
      const guesses = await statusesOf(PER_ADDRESS_AND_EMAIL + 1, (i) => signIn(app, target.email, `guess-${i}`));
      expect(guesses).toEqual(refusedThen(PER_ADDRESS_AND_EMAIL, 1));
      // Even the right password waits now: the limit does not tell right from wrong.
      expect((await signIn(app, target.email.toUpperCase(), TEST_PASSWORD)).statusCode).toBe(429);
      expect((await signIn(app, colleague.email, TEST_PASSWORD)).statusCode).toBe(200);

      for (const [locale, title] of [
        ['sv', 'För många försök; vänta några minuter och försök igen'],
        ['en', 'Too many attempts; wait a few minutes and try again'],
      ] as const) {
        const limited = await signIn(app, target.email, 'one-more-guess', { locale });
        expect(limited.statusCode).toBe(429);
        expect(limited.headers['content-type']).toContain('application/problem+json');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(limited.json()).toMatchObject({ code: 'rate_limited', title, status: 429 });
      }
    });
  });

  it('limits one e-mail across addresses, more slowly, without locking other e-mails there', async () => {
    const { deps } = await testServer();
    const target = await createAccount(deps.db);
    const other = await createAccount(deps.db);
    await withServer({}, async (app) => {
      // Each address stays under its own limit; together they spend the e-mail's.
      const spread = await statusesOf(limits.perSubject + 1, (i) =>
        signIn(app, target.email, `guess-${i}`, {
          remoteAddress: `198.51.100.${Math.floor(i / PER_ADDRESS_AND_EMAIL) + 1}`,
        }),
      );
      expect(spread).toEqual(refusedThen(limits.perSubject, 1));
      expect((await signIn(app, other.email, TEST_PASSWORD, { remoteAddress: '198.51.100.99' })).statusCode).toBe(200);
    });
  });

  it('limits one address over all e-mails, high enough for an office behind one NAT', async () => {
    // With one attempt per e-mail and address, to keep the count (and the hashing) small.
    const perAddress = signInLimits(1).perAddress;
    expect(perAddress).toBe(10);
    await withServer({ loginRateLimit: 1 }, async (app) => {
      const office = await statusesOf(perAddress + 1, (i) =>
        signIn(app, `person-${i}@office.example`, 'wrong-password', { remoteAddress: '203.0.113.7' }),
      );
      expect(office).toEqual(refusedThen(perAddress, 1));
      const elsewhere = await signIn(app, 'person-0@office.example', 'wrong-password', {
        remoteAddress: '203.0.113.8',
      });
      expect(elsewhere.statusCode).toBe(401);
    });
  });
});

describe('addresses behind a proxy', () => {
  it('ignores X-Forwarded-For from a client that is not a trusted proxy: 40 guesses are limited', async () => {
    const { deps } = await testServer();
    const target = await createAccount(deps.db);
    await withServer({ trustProxy: ['10.0.0.0/8'] }, async (app) => {
      const guesses = await statusesOf(40, (i) =>
        signIn(app, target.email, `guess-${i}`, { remoteAddress: '203.0.113.50', forwardedFor: `192.0.2.${i + 1}` }),
      );
      expect(guesses).toEqual(refusedThen(PER_ADDRESS_AND_EMAIL, 40 - PER_ADDRESS_AND_EMAIL));
    });
  });

  it('takes the client address a trusted proxy forwards', async () => {
    const { deps } = await testServer();
    const target = await createAccount(deps.db);
    await withServer({ trustProxy: ['10.0.0.0/8'] }, async (app) => {
      const viaProxy = (client: string, i: number) =>
        signIn(app, target.email, `guess-${i}`, { remoteAddress: '10.1.2.3', forwardedFor: client });
      const first = await statusesOf(PER_ADDRESS_AND_EMAIL + 1, (i) => viaProxy('192.0.2.10', i));
      expect(first).toEqual(refusedThen(PER_ADDRESS_AND_EMAIL, 1));
      // Another client behind the same proxy has attempts of its own.
      expect((await viaProxy('192.0.2.11', 99)).statusCode).toBe(401);
    });
  });
});
