// The end of a cycle, beyond closing it (cycles.ts): owners score and reflect, units
// reflect, and unfinished objectives are carried over to another cycle.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { scoreObjective } from '../../app/objectives/score-objective.ts';
import { carryOverObjective } from '../../app/objectives/carry-over-objective.ts';
import { getUnitReflection, putUnitReflection } from '../../app/units/unit-reflection.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { CarryOverBody, ObjectiveSchema, ScoreObjectiveBody } from '../../api/schemas/objective.ts';
import { UnitCycleParams, UnitReflectionBody, UnitReflectionSchema } from '../../api/schemas/reflections.ts';

export const closingRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.put(
    '/objectives/:id/scoring',
    {
      schema: {
        tags: ['objectives'],
        operationId: 'scoreObjective',
        summary:
          'Final scores of an objective and its key results, and its reflection; allowed to owners also in a closed cycle (If-Match of the objective required)',
        params: IdParams,
        body: ScoreObjectiveBody,
        response: { 200: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await scoreObjective(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.post(
    '/objectives/:id/carry-over',
    {
      schema: {
        tags: ['objectives'],
        operationId: 'carryOverObjective',
        summary:
          'Continue an unfinished objective in another cycle that is not closed: a new objective linked to this one, its key results starting at their current values',
        params: IdParams,
        body: CarryOverBody,
        response: { 201: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await carryOverObjective(deps, callerOf(request), request.params.id, request.body), 201),
  );

  app.get(
    '/units/:id/reflections/:cycleId',
    {
      schema: {
        tags: ['units'],
        operationId: 'getUnitReflection',
        summary: 'What a unit learned from a cycle (empty, version 0, until written)',
        params: UnitCycleParams,
        response: { 200: UnitReflectionSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await getUnitReflection(deps, callerOf(request), request.params.id, request.params.cycleId)),
  );

  app.put(
    '/units/:id/reflections/:cycleId',
    {
      schema: {
        tags: ['units'],
        operationId: 'putUnitReflection',
        summary: 'Write a unit’s reflection on a cycle (unit leads and admins; If-Match once it exists)',
        params: UnitCycleParams,
        body: UnitReflectionBody,
        response: { 200: UnitReflectionSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      const version = request.headers['if-match'] === undefined ? undefined : expectedVersion(request);
      return sendWithEtag(
        reply,
        await putUnitReflection(
          deps,
          callerOf(request),
          request.params.id,
          request.params.cycleId,
          version,
          request.body,
        ),
      );
    },
  );
};
