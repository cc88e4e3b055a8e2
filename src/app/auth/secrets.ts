// Random secrets and their stored form. Secrets are 256 random bits; only a SHA-256 hash
// is stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
