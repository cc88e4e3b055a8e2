import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { getKeyResult } from '../../app/key-results/get-key-result.ts';
import { updateKeyResult } from '../../app/key-results/update-key-result.ts';
import { archiveKeyResult, restoreKeyResult } from '../../app/key-results/archive-key-result.ts';
import { checkIn, listCheckIns } from '../../app/check-ins/check-in.ts';
import { listKeyResults } from '../../app/key-results/list-key-results.ts';
import { countDueKeyResults } from '../../app/key-results/count-due.ts';
import { listOrgActivities } from '../../app/activities/list-org-activities.ts';
import {
  archiveActivity,
  createActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from '../../app/activities/activities.ts';
import { callerOf } from '../plugins/auth.ts';
import { sendKeptRead } from '../kept-reads.ts';
import { expectedVersion, sendArchived, sendWithEtag } from '../etag.ts';
import {
  IdParams,
  OrgParams,
  Page,
  PageQueryObject,
  problemResponses,
  writeProblemResponses,
} from '../../api/schemas/common.ts';
import {
  ActivityInContextSchema,
  KeyResultInContextSchema,
  ListActivitiesQuery,
  ListKeyResultsQuery,
  ActivitySchema,
  CheckInBody,
  CheckInSchema,
  CreateActivityBody,
  DueCountSchema,
  KeyResultSchema,
  UpdateActivityBody,
  UpdateKeyResultBody,
} from '../../api/schemas/objective.ts';

const tags = ['key results'];

export const keyResultRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/key-results',
    {
      schema: {
        tags,
        operationId: 'listKeyResults',
        summary: 'Key results across objectives, e.g. those a person owns, with whether a check-in is due',
        params: OrgParams,
        querystring: ListKeyResultsQuery,
        response: { 200: Page(KeyResultInContextSchema), ...problemResponses },
      },
    },
    // A person's key results are asked for by every visit to My OKRs (kept-reads.ts).
    async (request, reply) =>
      sendKeptRead(deps, request, reply, request.params.orgId, (caller) =>
        listKeyResults(deps, caller, request.params.orgId, request.query),
      ),
  );

  app.get(
    '/orgs/:orgId/key-results/due-count',
    {
      config: { peopleOnly: true },
      schema: {
        tags,
        operationId: 'countMyDueKeyResults',
        summary: 'How many of my key results in active cycles are due for a check-in (My week’s count)',
        params: OrgParams,
        response: { 200: DueCountSchema, ...problemResponses },
      },
    },
    // Every page asks for it, for the menu's count (kept-reads.ts).
    async (request, reply) =>
      sendKeptRead(deps, request, reply, request.params.orgId, (caller) =>
        countDueKeyResults(deps, caller, request.params.orgId),
      ),
  );

  app.get(
    '/orgs/:orgId/activities',
    {
      schema: {
        tags: ['activities'],
        operationId: 'listOrgActivities',
        summary: 'Activities across action plans, e.g. those a person owns, by due date',
        params: OrgParams,
        querystring: ListActivitiesQuery,
        response: { 200: Page(ActivityInContextSchema), ...problemResponses },
      },
    },
    async (request, reply) =>
      sendKeptRead(deps, request, reply, request.params.orgId, (caller) =>
        listOrgActivities(deps, caller, request.params.orgId, request.query),
      ),
  );

  app.get(
    '/key-results/:id',
    {
      schema: {
        tags,
        operationId: 'getKeyResult',
        summary: 'One key result',
        params: IdParams,
        response: { 200: KeyResultSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getKeyResult(deps, callerOf(request), request.params.id)),
  );

  app.patch(
    '/key-results/:id',
    {
      schema: {
        tags,
        operationId: 'updateKeyResult',
        summary: 'Change a key result (If-Match required)',
        params: IdParams,
        body: UpdateKeyResultBody,
        response: { 200: KeyResultSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateKeyResult(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/key-results/:id',
    {
      schema: {
        tags,
        operationId: 'archiveKeyResult',
        summary: 'Archive a key result (it can be restored)',
        description:
          'Answers 204 with the archived row’s version as its ETag, so that the archiving can be undone: ' +
          'POST …/restore with that ETag in If-Match.',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => sendArchived(reply, await archiveKeyResult(deps, callerOf(request), request.params.id)),
  );

  app.post(
    '/key-results/:id/restore',
    {
      schema: {
        tags,
        operationId: 'restoreKeyResult',
        summary: 'Restore an archived key result (If-Match; whoever may manage it)',
        description: 'Refused with 409 while its objective is archived: restore the objective first.',
        params: IdParams,
        response: { 200: KeyResultSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await restoreKeyResult(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );

  app.post(
    '/key-results/:id/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        operationId: 'checkIn',
        summary: 'Check in progress: a new value, a confidence 0–10 and a note',
        params: IdParams,
        body: CheckInBody,
        response: {
          201: Type.Intersect([CheckInSchema, Type.Object({ keyResult: KeyResultSchema })]),
          ...writeProblemResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checkIn(deps, callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/key-results/:id/check-ins',
    {
      schema: {
        tags: ['check-ins'],
        operationId: 'listCheckIns',
        summary: 'A key result’s check-ins, newest first',
        params: IdParams,
        querystring: PageQueryObject,
        response: { 200: Page(CheckInSchema), ...problemResponses },
      },
    },
    async (request) => listCheckIns(deps, callerOf(request), request.params.id, request.query),
  );

  app.get(
    '/key-results/:id/activities',
    {
      schema: {
        tags: ['activities'],
        operationId: 'listActivities',
        summary: 'The action plan of a key result',
        params: IdParams,
        querystring: PageQueryObject,
        response: { 200: Page(ActivitySchema), ...problemResponses },
      },
    },
    async (request) => listActivities(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/key-results/:id/activities',
    {
      schema: {
        tags: ['activities'],
        operationId: 'createActivity',
        summary: 'Add an activity to a key result’s action plan',
        params: IdParams,
        body: CreateActivityBody,
        response: { 201: ActivitySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createActivity(deps, callerOf(request), request.params.id, request.body), 201),
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        operationId: 'updateActivity',
        summary: 'Change an activity (If-Match required)',
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: ActivitySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateActivity(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/activities/:id',
    {
      schema: {
        tags: ['activities'],
        operationId: 'archiveActivity',
        summary: 'Archive an activity (it can be restored)',
        description:
          'Answers 204 with the archived row’s version as its ETag, so that the archiving can be undone: ' +
          'POST …/restore with that ETag in If-Match.',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => sendArchived(reply, await archiveActivity(deps, callerOf(request), request.params.id)),
  );

  app.post(
    '/activities/:id/restore',
    {
      schema: {
        tags: ['activities'],
        operationId: 'restoreActivity',
        summary: 'Restore an archived activity (If-Match; whoever may manage it)',
        description: 'Refused with 409 while its key result or objective is archived: restore that first.',
        params: IdParams,
        response: { 200: ActivitySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await restoreActivity(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );
};
