import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { hashSecret } from './secrets.ts';
import { forgetCallers } from '../caches.ts';

/** Ends the session on the server: the cookie is worthless afterwards, even if kept. */
export async function logout(deps: AppDeps, sessionToken: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, hashSecret(sessionToken)));
  forgetCallers(deps);
}
