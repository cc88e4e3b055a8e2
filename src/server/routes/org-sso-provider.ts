// An organisation's own single sign-on provider (admins): thin routes over
// app/sso/org-providers. People only: a service account does not change how people sign in.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { deleteOrgSsoProvider, getOrgSsoProvider, putOrgSsoProvider } from '../../app/sso/org-providers.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { Nullable, OrgParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { OrgSsoProviderBody, OrgSsoProviderSchema } from '../../api/schemas/auth-providers.ts';

const config = { peopleOnly: true };

export const orgSsoProviderRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/sso-provider',
    {
      config,
      schema: {
        tags: ['auth'],
        operationId: 'getOrgSsoProvider',
        summary: 'The organisation’s own single sign-on provider (admins), without its client secret; null if none',
        params: OrgParams,
        response: { 200: Nullable(OrgSsoProviderSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const provider = await getOrgSsoProvider(deps, callerOf(request), request.params.orgId);
      return provider ? sendWithEtag(reply, provider) : reply.send(null);
    },
  );

  app.put(
    '/orgs/:orgId/sso-provider',
    {
      config,
      schema: {
        tags: ['auth'],
        operationId: 'putOrgSsoProvider',
        summary: 'Set or replace the organisation’s own provider (admins; If-Match once there is one)',
        params: OrgParams,
        body: OrgSsoProviderBody,
        response: { 200: OrgSsoProviderSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const version = request.headers['if-match'] === undefined ? undefined : expectedVersion(request);
      const provider = await putOrgSsoProvider(deps, callerOf(request), request.params.orgId, version, request.body);
      return sendWithEtag(reply, provider);
    },
  );

  app.delete(
    '/orgs/:orgId/sso-provider',
    {
      config,
      schema: {
        tags: ['auth'],
        operationId: 'deleteOrgSsoProvider',
        summary: 'Remove the organisation’s own provider (admins)',
        params: OrgParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteOrgSsoProvider(deps, callerOf(request), request.params.orgId);
      return reply.status(204).send(null);
    },
  );
};
