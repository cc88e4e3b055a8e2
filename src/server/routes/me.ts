import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { getMe } from '../../app/me/get-me.ts';
import { changePassword, updateMe } from '../../app/me/update-me.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/auth/api-tokens.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { ApiTokenSchema, CreateApiTokenBody, Locale, MeSchema } from '../../api/schemas/me.ts';

export const meRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
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
      schema: {
        tags: ['me'],
        operationId: 'changePassword',
        summary: 'Change my password',
        body: Type.Object(
          { currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await changePassword(deps, callerOf(request), request.body);
      return reply.status(204).send(null);
    },
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
