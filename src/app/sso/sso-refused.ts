import type { SsoRefusal } from '../../core/sso.ts';

/**
 * A sign-in through the identity provider that cannot go on. Not an API problem: the
 * browser is sent back to the sign-in page with the reason, which the page words.
 */
export class SsoRefused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(`single sign-on refused: ${reason}`);
  }
}
