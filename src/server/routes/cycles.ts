import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { createCycle } from '../../app/cycles/create-cycle.ts';
import { createYear } from '../../app/cycles/create-year.ts';
import { deleteCycle } from '../../app/cycles/delete-cycle.ts';
import { getCycle } from '../../app/cycles/get-cycle.ts';
import { listCycles } from '../../app/cycles/list-cycles.ts';
import { updateCycle } from '../../app/cycles/update-cycle.ts';
import { closeCycle, reopenCycle } from '../../app/cycles/close-cycle.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { IdParams, OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  ClosedCycleSchema,
  CreateCycleBody,
  CreateYearBody,
  CycleDetailSchema,
  CycleSchema,
  ListCyclesQuery,
  UpdateCycleBody,
  YearSchema,
} from '../../api/schemas/cycles.ts';

export const cycleRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/cycles',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'listCycles',
        summary: 'The organisation’s cycles, latest start first',
        params: OrgParams,
        querystring: ListCyclesQuery,
        response: { 200: Page(CycleSchema), ...problemResponses },
      },
    },
    async (request) => listCycles(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.post(
    '/orgs/:orgId/cycles',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'createCycle',
        summary: 'Create a cycle, optionally within a longer one (admins)',
        params: OrgParams,
        body: CreateCycleBody,
        response: { 201: CycleDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createCycle(deps, callerOf(request), request.params.orgId, request.body), 201),
  );

  app.post(
    '/orgs/:orgId/cycles/years',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'createYear',
        summary:
          'Create a year and its quarters in one go, or add the quarters a year with these dates lacks; 409 when nothing is missing (admins)',
        params: OrgParams,
        body: CreateYearBody,
        response: { 201: YearSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createYear(deps, callerOf(request), request.params.orgId, request.body)),
  );

  app.delete(
    '/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'deleteCycle',
        summary:
          'Delete a cycle made by mistake, with the cycles within it, while none holds an objective or a reflection and none is closed (admins; If-Match required)',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteCycle(deps, callerOf(request), request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'getCycle',
        summary: 'A cycle and what the caller may do with it',
        params: IdParams,
        response: { 200: CycleDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getCycle(deps, callerOf(request), request.params.id)),
  );

  app.patch(
    '/cycles/:id',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'updateCycle',
        summary:
          'Change a cycle’s name, dates, parent, or status between planning and active (admins; If-Match required)',
        params: IdParams,
        body: UpdateCycleBody,
        response: { 200: CycleDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateCycle(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.post(
    '/cycles/:id/close',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'closeCycle',
        summary:
          'Close an active cycle: its OKRs become read-only except for scores and reflections, and every objective and key result without a final score gets the suggested one (admins; If-Match required)',
        params: IdParams,
        response: { 200: ClosedCycleSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await closeCycle(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );

  app.post(
    '/cycles/:id/reopen',
    {
      schema: {
        tags: ['cycles'],
        operationId: 'reopenCycle',
        summary: 'Reopen a closed cycle as active; scores stay (admins; If-Match required)',
        params: IdParams,
        response: { 200: CycleDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await reopenCycle(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );
};
