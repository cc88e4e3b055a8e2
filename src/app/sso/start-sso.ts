// The first half of a sign-in through the identity provider: remember this sign-in (its
// state, nonce and PKCE verifier, for ten minutes) and send the browser to the provider.
import * as oidc from 'openid-client';
import { lt } from 'drizzle-orm';
import { safeReturnPath } from '../../core/sso.ts';
import { ssoLogins } from '../../db/schema.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { AppDeps } from '../context.ts';
import type { RelyingParty } from './relying-party.ts';

/** How long the person has at the provider before the sign-in must start again. */
export const SSO_LOGIN_MINUTES = 10;

export interface StartedSso {
  /** For the browser's cookie: it brings the sign-in back to this server. */
  loginId: string;
  /** The provider's authorization endpoint, with the request. */
  url: string;
}

/** `orgId`: the organisation whose own provider this is; null for the installation's. */
export async function startSso(
  deps: AppDeps,
  rp: RelyingParty,
  returnTo: string | undefined,
  orgId: string | null = null,
): Promise<StartedSso> {
  const now = deps.now();
  const configuration = await rp.configuration(now);
  const loginId = newSecret();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  // Sign-ins never finished are of no use to anyone: cleared as new ones start.
  await deps.db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, now));
  await deps.db.insert(ssoLogins).values({
    idHash: hashSecret(loginId),
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(returnTo),
    orgId,
    expiresAt: new Date(now.getTime() + SSO_LOGIN_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: rp.settings.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { loginId, url: url.href };
}
