import { eq, sql } from 'drizzle-orm';
import { accounts } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { verifyPassword } from './passwords.ts';
import { assertPasswordAllowed } from './sso-required.ts';
import { startSession, type StartedSession } from './session.ts';
import { forgetCallers } from '../caches.ts';

export interface LoginInput {
  email: string;
  password: string;
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
}

export type LoginResult = StartedSession;

export async function login(deps: AppDeps, input: LoginInput): Promise<LoginResult> {
  const [account] = await deps.db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, status: accounts.status })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, input.email.trim().toLowerCase()));
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !ok || account.status !== 'active') throw new AppError('unauthenticated', 'invalid_credentials');
  await assertPasswordAllowed(deps, deps.db, account.id);

  return inTransaction(deps, (tx) =>
    startSession(tx, deps.now(), account.id, { previousSessionToken: input.previousSessionToken }),
  ).finally(() => forgetCallers(deps)); // it ends the previous session, if any
}
