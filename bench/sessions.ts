// Signed-in sessions for the benchmarks, made in the database the way sign-in makes them.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface Session {
  accountId: string;
  token: string;
  csrf: string;
  hash: string;
}

/** A session as sign-in makes one (app/auth/session.ts): only the token's SHA-256 is stored. */
export async function startSession(client: pg.Client, accountId: string): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  await client.query(
    "insert into sessions (token_hash, account_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '1 day')",
    [hash, accountId, csrf],
  );
  return { accountId, token, csrf, hash };
}

/** The cookies a browser signed in with the session sends. */
export const cookieOf = (s: Session) => `riktning_session=${s.token}; riktning_csrf=${s.csrf}`;
