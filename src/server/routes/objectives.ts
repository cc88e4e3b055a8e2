import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { listObjectives } from '../../app/objectives/list-objectives.ts';
import { getObjective } from '../../app/objectives/get-objective.ts';
import { createObjective } from '../../app/objectives/create-objective.ts';
import { updateObjective } from '../../app/objectives/update-objective.ts';
import { archiveObjective, restoreObjective } from '../../app/objectives/archive-objective.ts';
import { addKeyResult } from '../../app/key-results/add-key-result.ts';
import { callerOf } from '../plugins/auth.ts';
import { sendKeptRead } from '../kept-reads.ts';
import { expectedVersion, sendArchived, sendWithEtag } from '../etag.ts';
import { IdParams, OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  CreateObjectiveBody,
  KeyResultSchema,
  ListObjectivesQuery,
  NewKeyResultBody,
  ObjectiveSchema,
  UpdateObjectiveBody,
} from '../../api/schemas/objective.ts';

const tags = ['objectives'];

export const objectiveRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/objectives',
    {
      schema: {
        tags,
        operationId: 'listObjectives',
        summary: 'Objectives with their key results and progress, filtered by cycle, level and owner',
        params: OrgParams,
        querystring: ListObjectivesQuery,
        response: { 200: Page(ObjectiveSchema), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { ids, ...query } = request.query;
      const { orgId } = request.params;
      // Pages of a cycle are asked for again and again between writes (kept-reads.ts).
      return sendKeptRead(deps, request, reply, orgId, (caller) =>
        listObjectives(deps, caller, orgId, { ...query, ...(ids ? { ids: ids.split(',') } : {}) }),
      );
    },
  );

  app.post(
    '/orgs/:orgId/objectives',
    {
      schema: {
        tags,
        operationId: 'createObjective',
        summary: 'Create an objective, optionally with key results and the objectives it supports',
        params: OrgParams,
        body: CreateObjectiveBody,
        response: { 201: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createObjective(deps, callerOf(request), request.params.orgId, request.body), 201),
  );

  app.get(
    '/objectives/:id',
    {
      schema: {
        tags,
        operationId: 'getObjective',
        summary: 'One objective',
        params: IdParams,
        response: { 200: ObjectiveSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getObjective(deps, callerOf(request), request.params.id)),
  );

  app.patch(
    '/objectives/:id',
    {
      schema: {
        tags,
        operationId: 'updateObjective',
        summary:
          'Change an objective, its status or what it supports (If-Match required); scores and reflections: PUT …/scoring',
        params: IdParams,
        body: UpdateObjectiveBody,
        response: { 200: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateObjective(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/objectives/:id',
    {
      schema: {
        tags,
        operationId: 'archiveObjective',
        summary: 'Archive an objective (it can be restored)',
        description:
          'Answers 204 with the archived row’s version as its ETag, so that the archiving can be undone: ' +
          'POST …/restore with that ETag in If-Match.',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => sendArchived(reply, await archiveObjective(deps, callerOf(request), request.params.id)),
  );

  app.post(
    '/objectives/:id/restore',
    {
      schema: {
        tags,
        operationId: 'restoreObjective',
        summary: 'Restore an archived objective (If-Match; whoever may archive it)',
        params: IdParams,
        response: { 200: ObjectiveSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await restoreObjective(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );

  app.post(
    '/objectives/:id/key-results',
    {
      schema: {
        tags: ['key results'],
        operationId: 'addKeyResult',
        summary: 'Add a key result to an objective',
        params: IdParams,
        body: NewKeyResultBody,
        response: { 201: KeyResultSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await addKeyResult(deps, callerOf(request), request.params.id, request.body), 201),
  );
};
