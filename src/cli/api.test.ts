// A refusal from the server becomes the CLI's error: an expired token is named as such, so
// the operator knows to make a new one rather than hunt for a typo.
import { describe, expect, it } from 'vitest';
import { refusal } from './api.ts';
import { EXIT } from './exit-codes.ts';
import { CLI_MESSAGES } from './messages.ts';

const problem = (code: string) => JSON.stringify({ title: code, status: 401, code });

describe('a refused token', () => {
  it('says when it has expired, and otherwise that the server does not take it', () => {
    const expired = refusal(401, problem('token_expired'), CLI_MESSAGES.en);
    expect(expired).toMatchObject({
      exitCode: EXIT.unauthenticated,
      message: 'RIKTNING_TOKEN has expired: create a new personal API token.',
    });
    expect(refusal(401, problem('token_expired'), CLI_MESSAGES.sv).message).toBe(
      'RIKTNING_TOKEN har gått ut: skapa en ny personlig API-token.',
    );
    expect(refusal(401, problem('unauthenticated'), CLI_MESSAGES.en).message).toBe(
      'The server does not take the token: check RIKTNING_TOKEN.',
    );
  });
});
