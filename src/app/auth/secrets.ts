// Random secrets and their stored form. Secrets are 256 random bits; only a SHA-256 hash
// is stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Whether two secrets are the same, in time that does not depend on where they differ. */
export const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
