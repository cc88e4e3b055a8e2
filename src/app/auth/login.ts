import { eq, sql } from 'drizzle-orm';
import { accounts, sessions } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { verifyPassword } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_DAYS = 30;

export interface LoginInput {
  email: string;
  password: string;
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
}

export interface LoginResult {
  accountId: string;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(deps: AppDeps, input: LoginInput): Promise<LoginResult> {
  const [account] = await deps.db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, status: accounts.status })
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, input.email.trim().toLowerCase()));
  const ok = await verifyPassword(account?.passwordHash ?? null, input.password);
  if (!account || !ok || account.status !== 'active') throw new AppError('unauthenticated', 'invalid_credentials');

  const sessionToken = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(deps.now().getTime() + SESSION_DAYS * 86_400_000);
  await inTransaction(deps, async (tx) => {
    if (input.previousSessionToken) {
      await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecret(input.previousSessionToken)));
    }
    await tx
      .insert(sessions)
      .values({ tokenHash: hashSecret(sessionToken), accountId: account.id, csrfToken, expiresAt });
    await recordAudit(tx, {
      orgId: null,
      actorId: account.id,
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
    });
  });
  return { accountId: account.id, sessionToken, csrfToken, expiresAt };
}
