// Riktning as an OpenID Connect relying party (openid-client): the provider's metadata,
// discovered once and kept (again after a failure), and a client configuration per use,
// whose clock is the app's (deps.now), so that tokens are judged by the time the app keeps.
import * as oidc from 'openid-client';
import type { SsoMappedRole } from '../../core/sso.ts';
import { SsoRefused } from './sso-refused.ts';

export interface OidcSettings {
  /** The provider's issuer URL; its /.well-known/openid-configuration is read. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in page's button says: "Sign in with {name}". */
  name: string;
  /** Domains whose people get an account when they first sign in (just in time). */
  allowedDomains: string[];
  /** The organisation (slug) such new accounts join as members; none: they join none. */
  joinOrgSlug: string | null;
  /** The ID token claim that lists the person's groups (e.g. `groups`). */
  groupsClaim: string;
  /** Group → role in the join organisation, applied at every sign-in; empty: roles are set in the app. */
  roleMap: Record<string, SsoMappedRole>;
  /** Where the provider sends the browser back: {public URL}/api/v1/auth/sso/oidc/callback. */
  redirectUri: string;
  /** Plain http to the provider (tests on loopback); https otherwise. */
  allowHttp?: boolean;
}

export interface RelyingParty {
  readonly settings: OidcSettings;
  /** The client configuration with the clock at `now`; refused as sso_unavailable when the provider is not there. */
  configuration(now: Date): Promise<oidc.Configuration>;
  /** Keeps the provider's signing keys a configuration fetched, for the configurations after it. */
  rememberKeys(configuration: oidc.Configuration): void;
}

export function relyingParty(settings: OidcSettings): RelyingParty {
  let discovered: Promise<oidc.Configuration> | undefined;
  let jwks: ReturnType<typeof oidc.getJwksCache>;
  const discover = () =>
    oidc.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
      execute: settings.allowHttp ? [oidc.allowInsecureRequests] : [],
      timeout: 5,
    });
  return {
    settings,
    async configuration(now) {
      discovered ??= discover();
      let found: oidc.Configuration;
      try {
        found = await discovered;
      } catch {
        discovered = undefined; // asked again next time: the provider may be back
        throw new SsoRefused('sso_unavailable');
      }
      const configuration = new oidc.Configuration(
        found.serverMetadata(),
        settings.clientId,
        { client_secret: settings.clientSecret, [oidc.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000) },
        oidc.ClientSecretBasic(settings.clientSecret),
      );
      if (settings.allowHttp) oidc.allowInsecureRequests(configuration);
      // The provider's signing keys, fetched once and shared by the configurations after.
      if (jwks) oidc.setJwksCache(configuration, jwks);
      return configuration;
    },
    rememberKeys(configuration) {
      jwks = oidc.getJwksCache(configuration) ?? jwks;
    },
  };
}
