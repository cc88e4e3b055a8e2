import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { Type } from 'typebox';
import { checkInBatch } from '../../app/check-ins/check-in-batch.ts';
import { correctCheckIn, removeCheckIn } from '../../app/check-ins/correct-check-in.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, OrgParams, writeProblemResponses } from '../../api/schemas/common.ts';
import { CheckInBatchBody, CheckInBatchSchema, RecordedCheckInSchema } from '../../api/schemas/check-ins.ts';
import { CheckInCorrectionBody } from '../../api/schemas/objective.ts';

const CORRECTION_RULE =
  'Only its author, for a day after it was made, while they may still check in on the key result ' +
  '(If-Match: the check-in’s version). The key result’s current value and confidence follow its latest check-in.';

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

  app.patch(
    '/check-ins/:id',
    {
      schema: {
        tags: ['check-ins'],
        operationId: 'correctCheckIn',
        summary: 'Correct one’s own check-in: its value, confidence or note',
        description: CORRECTION_RULE,
        params: IdParams,
        body: CheckInCorrectionBody,
        response: { 200: RecordedCheckInSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await correctCheckIn(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/check-ins/:id',
    {
      schema: {
        tags: ['check-ins'],
        operationId: 'removeCheckIn',
        summary: 'Remove one’s own check-in made by mistake',
        description: CORRECTION_RULE,
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await removeCheckIn(deps, callerOf(request), request.params.id, expectedVersion(request));
      return reply.status(204).send(null);
    },
  );
};
