import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { getMe } from '../../app/me/get-me.ts';
import { updateMe } from '../../app/me/update-me.ts';
import { changePassword } from '../../app/me/change-password.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/auth/api-tokens.ts';
import { callerOf } from '../plugins/auth.ts';
import { currentSessionToken } from '../sign-in.ts';
import { signInLimiter } from '../sign-in-limits.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, problemResponses, rateLimitedResponse, writeProblemResponses } from '../../api/schemas/common.ts';
import { ApiTokenSchema, CreateApiTokenBody, Locale, MeSchema } from '../../api/schemas/me.ts';

export const meRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; loginRateLimit: number }> = async (
  app,
  { deps, loginRateLimit },
) => {
  app.get(
    '/me',
    {
      schema: {
        tags: ['me'],
        operationId: 'getMe',
        summary: 'The signed-in account and its organisations',
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getMe(deps, callerOf(request))),
  );

  app.patch(
    '/me',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['me'],
        operationId: 'updateMe',
        summary: 'Change my name or language (If-Match required)',
        body: Type.Object(
          { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), locale: Type.Optional(Locale) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: MeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await updateMe(deps, callerOf(request), expectedVersion(request), request.body)),
  );

  app.post(
    '/me/password',
    {
      config: { peopleOnly: true },
      // The current password is guessed at here as at sign-in, by whoever has the session:
      // the same limits, per account.
      preHandler: signInLimiter(app, loginRateLimit, (request) => `account:${callerOf(request).accountId}`),
      schema: {
        tags: ['me'],
        operationId: 'changePassword',
        summary:
          'Change my password; every other session of mine ends, and with revokeTokens my personal API tokens are revoked',
        body: Type.Object(
          {
            currentPassword: Type.String({ maxLength: 1024 }),
            newPassword: Type.String({ maxLength: 1024 }),
            revokeTokens: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            endedSessions: Type.Integer({ description: 'My other sessions that were signed in and now are not' }),
            revokedTokens: Type.Integer({ description: 'My personal API tokens revoked (0 without revokeTokens)' }),
          }),
          ...writeProblemResponses,
          ...rateLimitedResponse,
        },
      },
    },
    async (request) => changePassword(deps, callerOf(request), request.body, currentSessionToken(request)),
  );

  app.get(
    '/me/tokens',
    {
      schema: {
        tags: ['me'],
        operationId: 'listApiTokens',
        summary: 'My personal API tokens',
        response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listApiTokens(deps, callerOf(request)) }),
  );

  app.post(
    '/me/tokens',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['me'],
        operationId: 'createApiToken',
        summary: 'Create a personal API token; the token is shown only in this answer',
        body: CreateApiTokenBody,
        response: {
          201: Type.Intersect([ApiTokenSchema, Type.Object({ token: Type.String() })]),
          ...writeProblemResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(deps, callerOf(request), request.body)),
  );

  app.delete(
    '/me/tokens/:id',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['me'],
        operationId: 'revokeApiToken',
        summary: 'Revoke one of my API tokens',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
