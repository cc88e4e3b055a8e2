import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { createOrg } from '../../app/orgs/create-org.ts';
import { getOrg } from '../../app/orgs/get-org.ts';
import { updateOrg } from '../../app/orgs/update-org.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { OrgParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { CreateOrgBody, OrgSchema, UpdateOrgBody } from '../../api/schemas/org.ts';

export const orgRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/orgs',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['organisations'],
        operationId: 'createOrg',
        summary: 'Start an organisation; the caller becomes its owner',
        body: CreateOrgBody,
        response: { 201: OrgSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await createOrg(deps, callerOf(request), request.body), 201),
  );

  app.get(
    '/orgs/:orgId',
    {
      schema: {
        tags: ['organisations'],
        operationId: 'getOrg',
        summary: 'An organisation: vision, mission, strategy, settings and what the caller may do',
        params: OrgParams,
        response: { 200: OrgSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getOrg(deps, callerOf(request), request.params.orgId)),
  );

  app.patch(
    '/orgs/:orgId',
    {
      schema: {
        tags: ['organisations'],
        operationId: 'updateOrg',
        summary: 'Change the organisation profile or settings (admins; If-Match required)',
        params: OrgParams,
        body: UpdateOrgBody,
        response: { 200: OrgSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateOrg(deps, callerOf(request), request.params.orgId, expectedVersion(request), request.body),
      ),
  );
};
