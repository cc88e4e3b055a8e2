// Service accounts (admins): thin routes over app/service-accounts. People only: a
// service account's token never hands out more tokens.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import {
  createServiceAccount,
  listServiceAccounts,
  revokeServiceAccount,
  rotateServiceAccountToken,
} from '../../app/service-accounts/service-accounts.ts';
import { callerOf } from '../plugins/auth.ts';
import { IdParams, OrgParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  CreateServiceAccountBody,
  ServiceAccountSchema,
  ServiceAccountWithTokenSchema,
} from '../../api/schemas/service-accounts.ts';

const config = { peopleOnly: true };

export const serviceAccountRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/orgs/:orgId/service-accounts',
    {
      config,
      schema: {
        tags: ['service accounts'],
        operationId: 'createServiceAccount',
        summary: 'Add a service account for an integration (admins); the answer holds its token, shown only here',
        params: OrgParams,
        body: CreateServiceAccountBody,
        response: { 201: ServiceAccountWithTokenSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createServiceAccount(deps, callerOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/orgs/:orgId/service-accounts',
    {
      config,
      schema: {
        tags: ['service accounts'],
        operationId: 'listServiceAccounts',
        summary: 'The organisation’s service accounts with their last use (admins), without tokens',
        params: OrgParams,
        response: { 200: Type.Array(ServiceAccountSchema), ...problemResponses },
      },
    },
    async (request) => listServiceAccounts(deps, callerOf(request), request.params.orgId),
  );

  app.post(
    '/service-accounts/:id/rotate-token',
    {
      config,
      schema: {
        tags: ['service accounts'],
        operationId: 'rotateServiceAccountToken',
        summary: 'A new token, shown only here; the previous one stops at once',
        params: IdParams,
        response: { 200: ServiceAccountWithTokenSchema, ...writeProblemResponses },
      },
    },
    async (request) => rotateServiceAccountToken(deps, callerOf(request), request.params.id),
  );

  app.delete(
    '/service-accounts/:id',
    {
      config,
      schema: {
        tags: ['service accounts'],
        operationId: 'revokeServiceAccount',
        summary: 'Revoke a service account: its token stops; its name stays in the audit log',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await revokeServiceAccount(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
