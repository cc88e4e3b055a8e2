import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { checkInBatch } from '../../app/check-ins/check-in-batch.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, writeProblemResponses } from '../../api/schemas/common.ts';
import { CheckInBatchBody, CheckInBatchSchema } from '../../api/schemas/check-ins.ts';

export const checkInRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/orgs/:orgId/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        operationId: 'checkInBatch',
        summary: 'Check in on several key results at once (at most 50): all are saved or none is',
        params: OrgParams,
        body: CheckInBatchBody,
        response: { 201: CheckInBatchSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checkInBatch(deps, callerOf(request), request.params.orgId, request.body)),
  );
};
