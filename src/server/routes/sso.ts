// Single sign-on through an OpenID Connect provider (docs/sso.md): the sign-in page asks
// which providers there are, the browser is sent to one, and comes back to the callback,
// which signs it in and sends it on; a refusal goes back to the sign-in page, which words it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { finishSso } from '../../app/sso/finish-sso.ts';
import type { RelyingParty } from '../../app/sso/relying-party.ts';
import { SSO_LOGIN_MINUTES, startSso } from '../../app/sso/start-sso.ts';
import type { SsoRefusal } from '../../core/sso.ts';
import { SsoRefused } from '../../app/sso/sso-refused.ts';
import { currentSessionToken, setSessionCookies } from '../sign-in.ts';
import { AuthProviderSchema } from '../../api/schemas/auth-providers.ts';

export const SSO_COOKIE = 'riktning_sso';
const PROVIDER_ID = 'oidc';
const COOKIE_PATH = `/api/v1/auth/sso/${PROVIDER_ID}`;

/** Back to the sign-in page, which says why in the reader's language. */
const refuse = (reply: FastifyReply, reason: SsoRefusal) =>
  reply.clearCookie(SSO_COOKIE, { path: COOKIE_PATH }).redirect(`/login?sso=${reason}`, 302);

export const ssoRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; sso: RelyingParty | undefined }> = async (
  app,
  { deps, sso },
) => {
  app.get(
    '/auth/providers',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'listAuthProviders',
        summary: 'The single sign-on providers the sign-in page offers (none without SSO)',
        security: [],
        response: { 200: Type.Array(AuthProviderSchema) },
      },
    },
    async () =>
      sso ? [{ id: PROVIDER_ID, name: sso.settings.name, startUrl: `/api/v1/auth/sso/${PROVIDER_ID}/start` }] : [],
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
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      try {
        const started = await startSso(deps, sso, request.query.returnTo);
        return reply
          .setCookie(SSO_COOKIE, started.loginId, {
            path: COOKIE_PATH,
            httpOnly: true,
            // Lax: the provider's redirect back is a top-level GET, which brings it.
            sameSite: 'lax',
            secure: 'auto',
            maxAge: SSO_LOGIN_MINUTES * 60,
          })
          .redirect(started.url, 302);
      } catch (error) {
        if (error instanceof SsoRefused) return refuse(reply, error.reason);
        throw error;
      }
    },
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
    async (request, reply) => {
      // The URL as registered with the provider, with the answer's query: openid-client
      // sends it as the redirect_uri, which must match to the character.
      const callbackUrl = new URL(sso.settings.redirectUri);
      callbackUrl.search = new URL(request.url, 'http://x').search;
      try {
        const session = await finishSso(deps, sso, {
          loginId: request.cookies[SSO_COOKIE],
          callbackUrl,
          previousSessionToken: currentSessionToken(request),
        });
        setSessionCookies(reply, session);
        return reply.clearCookie(SSO_COOKIE, { path: COOKIE_PATH }).redirect(session.returnTo ?? '/', 302);
      } catch (error) {
        if (error instanceof SsoRefused) {
          request.log.info({ reason: error.reason }, 'single sign-on refused');
          return refuse(reply, error.reason);
        }
        throw error;
      }
    },
  );
};
