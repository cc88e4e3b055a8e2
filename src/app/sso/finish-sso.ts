// The second half of a sign-in through the identity provider: the browser is back with a
// code. The sign-in it started is taken (once), the code exchanged with PKCE, the ID token
// checked by openid-client (issuer, audience, expiry by the app's clock, nonce, signature),
// the person found or made (sso-account.ts), and a session started, all or nothing.
import * as oidc from 'openid-client';
import { and, eq, gt } from 'drizzle-orm';
import { ssoSubjectKey, type SsoRefusal } from '../../core/sso.ts';
import { ssoLogins } from '../../db/schema.ts';
import { hashSecret, sameSecret } from '../auth/secrets.ts';
import { startSession, type StartedSession } from '../auth/session.ts';
import { forgetActors, forgetCallers } from '../caches.ts';
import type { AppDeps } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import type { RelyingParty } from './relying-party.ts';
import { ssoAccount, type ProviderPerson } from './sso-account.ts';
import { SsoRefused } from './sso-refused.ts';

export interface FinishSsoInput {
  /** The sign-in's id from the browser's cookie. */
  loginId: string | undefined;
  /** The URL the provider sent the browser back to, with its query. */
  callbackUrl: URL;
  previousSessionToken?: string;
  /** The organisation whose own provider called back; null (or left out) for the installation's. */
  orgId?: string | null;
}

export interface FinishedSso extends StartedSession {
  /** The path to land on, as the sign-in asked. */
  returnTo: string | null;
}

export async function finishSso(deps: AppDeps, rp: RelyingParty, input: FinishSsoInput): Promise<FinishedSso> {
  const now = deps.now();
  // Taken whatever happens next: a sign-in is tried once.
  const [login] = input.loginId
    ? await deps.db
        .delete(ssoLogins)
        .where(and(eq(ssoLogins.idHash, hashSecret(input.loginId)), gt(ssoLogins.expiresAt, now)))
        .returning()
    : [];
  // A sign-in comes back to the provider it went to: not one organisation's for another's.
  const sameProvider = login && login.orgId === (input.orgId ?? null);
  if (!login || !sameProvider || !sameSecret(login.state, input.callbackUrl.searchParams.get('state') ?? '')) {
    throw new SsoRefused('sso_state');
  }
  const configuration = await rp.configuration(now);
  const person = await exchange(configuration, input.callbackUrl, login, rp.settings.groupsClaim);
  rp.rememberKeys(configuration);
  return inTransaction(deps, async (tx) => {
    const accountId = await ssoAccount(tx, rp.settings, person);
    const session = await startSession(tx, now, accountId, {
      previousSessionToken: input.previousSessionToken,
      via: 'sso',
    });
    return { ...session, returnTo: login.returnTo };
  }).finally(() => {
    forgetCallers(deps);
    forgetActors(deps); // a role may have come from the person's groups
  });
}

async function exchange(
  configuration: oidc.Configuration,
  callbackUrl: URL,
  login: { state: string; nonce: string; codeVerifier: string },
  groupsClaim: string,
): Promise<ProviderPerson> {
  let claims: oidc.IDToken | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    throw new SsoRefused(refusalOf(error));
  }
  if (!claims) throw new SsoRefused('sso_token');
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email.includes('@') || claims.email_verified !== true) throw new SsoRefused('sso_unverified_email');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0];
  const groups = claims[groupsClaim];
  return {
    subject: ssoSubjectKey(claims.iss, claims.sub),
    email,
    name: name ?? email,
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [],
  };
}

/** What went wrong, in the words the sign-in page has for it. */
function refusalOf(error: unknown): SsoRefusal {
  // The provider's own error, in the callback (access_denied, …) or from its token endpoint
  // (invalid_grant: a code used twice, expired or issued to another client).
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    return 'sso_exchange';
  }
  // A check of the ID token or the answer failed (issuer, audience, expiry, nonce, signature).
  if (error instanceof oidc.ClientError && error.code && TOKEN_CHECKS.has(error.code)) return 'sso_token';
  // The provider could not be reached, did not answer in time, or answered nonsense.
  return 'sso_unavailable';
}

/** openid-client's codes for an answer that came but did not pass its checks. */
const TOKEN_CHECKS: ReadonlySet<string> = new Set([
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_PARSE_ERROR',
]);
