// Single sign-on through an OpenID Connect provider (docs/sso.md): the sign-in page asks
// which providers there are, the browser is sent to one, and comes back to the callback,
// which signs it in and sends it on; a refusal goes back to the sign-in page, which words it.
// The installation's provider (OIDC_ISSUER) lives at /auth/sso/oidc; an organisation's own,
// set by its admins, at /auth/sso/orgs/{orgId}.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { finishSso } from '../../app/sso/finish-sso.ts';
import { orgProviderBySlug, orgProviderSettings } from '../../app/sso/org-providers.ts';
import { relyingParty, type RelyingParty } from '../../app/sso/relying-party.ts';
import { SSO_LOGIN_MINUTES, startSso } from '../../app/sso/start-sso.ts';
import { isUuid } from '../../app/scope.ts';
import type { SsoRefusal } from '../../core/sso.ts';
import { SsoRefused } from '../../app/sso/sso-refused.ts';
import { currentSessionToken, setSessionCookies } from '../sign-in.ts';
import { AuthProviderSchema } from '../../api/schemas/auth-providers.ts';

export const SSO_COOKIE = 'riktning_sso';
const PROVIDER_ID = 'oidc';
const SSO_PREFIX = '/api/v1/auth/sso';

/** Where a provider's routes live: the installation's, or one organisation's. */
const basePath = (orgId: string | null) => (orgId ? `${SSO_PREFIX}/orgs/${orgId}` : `${SSO_PREFIX}/${PROVIDER_ID}`);

/** Back to the sign-in page, which says why in the reader's language. */
const refuse = (reply: FastifyReply, orgId: string | null, reason: SsoRefusal) =>
  reply.clearCookie(SSO_COOKIE, { path: basePath(orgId) }).redirect(`/login?sso=${reason}`, 302);

const StartQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) });
const OrgParams = Type.Object({ orgId: Type.String({ maxLength: 100 }) });

export const ssoRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; sso: RelyingParty | undefined }> = async (
  app,
  { deps, sso },
) => {
  /** The sign-in half that sends the browser to the provider, its sign-in kept behind a cookie. */
  const start = async (reply: FastifyReply, rp: RelyingParty, orgId: string | null, returnTo?: string) => {
    try {
      const started = await startSso(deps, rp, returnTo, orgId);
      return reply
        .setCookie(SSO_COOKIE, started.loginId, {
          path: basePath(orgId),
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level GET, which brings it.
          sameSite: 'lax',
          secure: 'auto',
          maxAge: SSO_LOGIN_MINUTES * 60,
        })
        .redirect(started.url, 302);
    } catch (error) {
      if (error instanceof SsoRefused) return refuse(reply, orgId, error.reason);
      throw error;
    }
  };

  /** The half the provider sends the browser back to: signed in, and on to where it was going. */
  const finish = async (request: FastifyRequest, reply: FastifyReply, rp: RelyingParty, orgId: string | null) => {
    // The URL as registered with the provider, with the answer's query: openid-client
    // sends it as the redirect_uri, which must match to the character.
    const callbackUrl = new URL(rp.settings.redirectUri);
    callbackUrl.search = new URL(request.url, 'http://x').search;
    try {
      const session = await finishSso(deps, rp, {
        loginId: request.cookies[SSO_COOKIE],
        callbackUrl,
        previousSessionToken: currentSessionToken(request),
        orgId,
      });
      setSessionCookies(reply, session);
      return reply.clearCookie(SSO_COOKIE, { path: basePath(orgId) }).redirect(session.returnTo ?? '/', 302);
    } catch (error) {
      if (error instanceof SsoRefused) {
        request.log.info({ reason: error.reason }, 'single sign-on refused');
        return refuse(reply, orgId, error.reason);
      }
      throw error;
    }
  };

  // An organisation's provider, built once per version of its settings: its discovery and
  // keys are kept like the installation's, and a change made by an admin is used at once.
  const orgParties = new Map<string, { version: number; rp: RelyingParty }>();
  const orgParty = async (orgId: string): Promise<RelyingParty | null> => {
    const found = isUuid(orgId) ? await orgProviderSettings(deps, orgId) : null;
    if (!found) {
      orgParties.delete(orgId);
      return null;
    }
    const kept = orgParties.get(orgId);
    if (kept?.version === found.version) return kept.rp;
    const rp = relyingParty(found.settings);
    orgParties.set(orgId, { version: found.version, rp });
    return rp;
  };

  app.get(
    '/auth/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'listAuthProviders',
        summary:
          'The single sign-on providers the sign-in page offers: the installation’s, and with ?org=<slug> that organisation’s own (none without SSO)',
        security: [],
        querystring: Type.Object({ org: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(AuthProviderSchema) },
      },
    },
    async (request) => {
      const own = request.query.org ? await orgProviderBySlug(deps.db, request.query.org) : null;
      return [
        ...(sso ? [{ id: PROVIDER_ID, name: sso.settings.name, startUrl: `${basePath(null)}/start` }] : []),
        ...(own ? [{ id: `org-${own.orgId}`, name: own.name, startUrl: `${basePath(own.orgId)}/start` }] : []),
      ];
    },
  );

  app.get(
    '/auth/sso/orgs/:orgId/start',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'startOrgSso',
        summary: 'Sends the browser to the organisation’s own identity provider to sign in (302)',
        security: [],
        params: OrgParams,
        querystring: StartQuery,
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const rp = await orgParty(orgId);
      return rp ? start(reply, rp, orgId, request.query.returnTo) : refuse(reply, orgId, 'sso_unavailable');
    },
  );

  app.get(
    '/auth/sso/orgs/:orgId/callback',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'finishOrgSso',
        summary: 'Where the organisation’s own identity provider sends the browser back (302)',
        security: [],
        params: OrgParams,
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const rp = await orgParty(orgId);
      return rp ? finish(request, reply, rp, orgId) : refuse(reply, orgId, 'sso_unavailable');
    },
  );

  if (!sso) return;

  app.get(
    `/auth/sso/${PROVIDER_ID}/start`,
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'startSso',
        summary: 'Sends the browser to the identity provider to sign in (302)',
        security: [],
        querystring: StartQuery,
      },
    },
    async (request, reply) => start(reply, sso, null, request.query.returnTo),
  );

  app.get(
    `/auth/sso/${PROVIDER_ID}/callback`,
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'finishSso',
        summary: 'Where the identity provider sends the browser back; signs it in and sends it on (302)',
        security: [],
      },
    },
    async (request, reply) => finish(request, reply, sso, null),
  );
};
