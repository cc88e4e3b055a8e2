import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { archiveUnit } from '../../app/units/archive-unit.ts';
import { createUnit } from '../../app/units/create-unit.ts';
import { getUnit } from '../../app/units/get-unit.ts';
import { listUnits } from '../../app/units/list-units.ts';
import { removeUnitMember } from '../../app/units/remove-unit-member.ts';
import { restoreUnit } from '../../app/units/restore-unit.ts';
import { setUnitMember } from '../../app/units/set-unit-member.ts';
import { updateUnit } from '../../app/units/update-unit.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendArchived, sendWithEtag } from '../etag.ts';
import { IdParams, OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  CreateUnitBody,
  ListUnitsQuery,
  SetUnitMemberBody,
  UnitDetailSchema,
  UnitMemberParams,
  UnitMemberSchema,
  UnitSchema,
  UpdateUnitBody,
} from '../../api/schemas/units.ts';

export const unitRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/units',
    {
      schema: {
        tags: ['units'],
        operationId: 'listUnits',
        summary: 'The organisation’s units (not archived), flat with parentId, by name',
        params: OrgParams,
        querystring: ListUnitsQuery,
        response: { 200: Page(UnitSchema), ...problemResponses },
      },
    },
    async (request) => listUnits(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.post(
    '/orgs/:orgId/units',
    {
      schema: {
        tags: ['units'],
        operationId: 'createUnit',
        summary: 'Create a unit, at the top or beneath another unit (admins)',
        params: OrgParams,
        body: CreateUnitBody,
        response: { 201: UnitDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createUnit(deps, callerOf(request), request.params.orgId, request.body), 201),
  );

  app.get(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        operationId: 'getUnit',
        summary: 'A unit with its ancestors, children, people and what the caller may do',
        params: IdParams,
        response: { 200: UnitDetailSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getUnit(deps, callerOf(request), request.params.id)),
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        operationId: 'updateUnit',
        summary: 'Change or move a unit (admins and the unit’s leads; If-Match required)',
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateUnit(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        operationId: 'archiveUnit',
        summary: 'Archive a unit and the units beneath it (admins)',
        description:
          'Answers 204 with the archived row’s version as its ETag, so that the archiving can be undone: ' +
          'POST …/restore with that ETag in If-Match.',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => sendArchived(reply, await archiveUnit(deps, callerOf(request), request.params.id)),
  );

  app.post(
    '/units/:id/restore',
    {
      schema: {
        tags: ['units'],
        operationId: 'restoreUnit',
        summary: 'Restore an archived unit and the units archived with it (admins, If-Match)',
        description: 'Refused with 409 while the unit above it is archived: restore that first.',
        params: IdParams,
        response: { 200: UnitDetailSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await restoreUnit(deps, callerOf(request), request.params.id, expectedVersion(request))),
  );

  app.put(
    '/units/:id/members/:accountId',
    {
      schema: {
        tags: ['units'],
        operationId: 'setUnitMember',
        summary: 'Put a member of the organisation in the unit as lead or member (admins and leads)',
        params: UnitMemberParams,
        body: SetUnitMemberBody,
        response: { 200: UnitMemberSchema, ...writeProblemResponses },
      },
    },
    async (request) =>
      setUnitMember(deps, callerOf(request), request.params.id, request.params.accountId, request.body),
  );

  app.delete(
    '/units/:id/members/:accountId',
    {
      schema: {
        tags: ['units'],
        operationId: 'removeUnitMember',
        summary: 'Take a person out of the unit (admins and leads)',
        params: UnitMemberParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await removeUnitMember(deps, callerOf(request), request.params.id, request.params.accountId);
      return reply.status(204).send(null);
    },
  );
};
