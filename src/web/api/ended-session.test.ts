// A read refused with 401 means the session ended while the page was open: the cached
// account is forgotten, so RequireSignIn sends the person to sign-in.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { forgetEndedSession } from './queries.ts';

const refusal = (status: number, code: string) =>
  new ApiError(status, { type: `urn:riktning:problem:${code}`, title: code, status, instance: '/me', code });

describe('a session that ends while a page is open', () => {
  it('is forgotten at the first read refused as unauthenticated, and not at other refusals', () => {
    const client = new QueryClient();
    client.setQueryData(['me'], { id: 'someone' });
    forgetEndedSession(client, refusal(403, 'forbidden'));
    forgetEndedSession(client, new Error('network'));
    expect(client.getQueryData(['me'])).toEqual({ id: 'someone' });
    forgetEndedSession(client, refusal(401, 'session_expired'));
    expect(client.getQueryData(['me'])).toBeNull();
  });
});
