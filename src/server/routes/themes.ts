// Strategy themes: thin routes over app/themes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { createTheme, deleteTheme, listThemes, updateTheme } from '../../app/themes/themes.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, OrgParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { CreateThemeBody, ThemeSchema, UpdateThemeBody } from '../../api/schemas/themes.ts';

const tags = ['themes'];

export const themeRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/themes',
    {
      schema: {
        tags,
        operationId: 'listThemes',
        summary: 'The organisation’s strategy themes, in their order',
        params: OrgParams,
        response: { 200: Type.Array(ThemeSchema), ...problemResponses },
      },
    },
    async (request) => listThemes(deps, callerOf(request), request.params.orgId),
  );

  app.post(
    '/orgs/:orgId/themes',
    {
      schema: {
        tags,
        operationId: 'createTheme',
        summary: 'Add a strategy theme (those who keep the organisation’s profile)',
        params: OrgParams,
        body: CreateThemeBody,
        response: { 201: ThemeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createTheme(deps, callerOf(request), request.params.orgId, request.body), 201),
  );

  app.patch(
    '/themes/:id',
    {
      schema: {
        tags,
        operationId: 'updateTheme',
        summary: 'Rename, describe or move a strategy theme (If-Match required)',
        params: IdParams,
        body: UpdateThemeBody,
        response: { 200: ThemeSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateTheme(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/themes/:id',
    {
      schema: {
        tags,
        operationId: 'deleteTheme',
        summary: 'Remove a strategy theme; the objectives that served it keep everything else (If-Match required)',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteTheme(deps, callerOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
};
