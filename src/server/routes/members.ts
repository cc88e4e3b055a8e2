import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { addMember } from '../../app/members/add-member.ts';
import { getMember } from '../../app/members/get-member.ts';
import { listMembers } from '../../app/members/list-members.ts';
import { removeMember } from '../../app/members/remove-member.ts';
import { updateMember } from '../../app/members/update-member.ts';
import { callerOf } from '../plugins/auth.ts';
import { OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import { PendingInvitationSchema } from '../../api/schemas/invitations.ts';
import {
  AddMemberBody,
  ListMembersQuery,
  MemberParams,
  MemberSchema,
  UpdateMemberBody,
} from '../../api/schemas/members.ts';

export const memberRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/members',
    {
      schema: {
        tags: ['members'],
        operationId: 'listMembers',
        summary: 'The people of an organisation, by name, with their roles and units',
        params: OrgParams,
        querystring: ListMembersQuery,
        response: { 200: Page(MemberSchema), ...problemResponses },
      },
    },
    async (request) => listMembers(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.post(
    '/orgs/:orgId/members',
    {
      schema: {
        tags: ['members'],
        operationId: 'addMember',
        summary:
          'Invite a person by e-mail (admins; only owners grant the owner role): the invitation is mailed to the address and the person becomes a member on accepting it; the answer is the same whether or not the address has an account',
        params: OrgParams,
        body: AddMemberBody,
        response: { 201: PendingInvitationSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(deps, callerOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/orgs/:orgId/members/:accountId',
    {
      schema: {
        tags: ['members'],
        operationId: 'getMember',
        summary: 'One person of the organisation, with their role and units (a person’s OKR page)',
        params: MemberParams,
        response: { 200: MemberSchema, ...problemResponses },
      },
    },
    async (request) => getMember(deps, callerOf(request), request.params.orgId, request.params.accountId),
  );

  app.patch(
    '/orgs/:orgId/members/:accountId',
    {
      schema: {
        tags: ['members'],
        operationId: 'updateMember',
        summary: 'Change a member’s role (admins; an organisation keeps at least one owner)',
        params: MemberParams,
        body: UpdateMemberBody,
        response: { 200: MemberSchema, ...writeProblemResponses },
      },
    },
    async (request) =>
      updateMember(deps, callerOf(request), request.params.orgId, request.params.accountId, request.body),
  );

  app.delete(
    '/orgs/:orgId/members/:accountId',
    {
      schema: {
        tags: ['members'],
        operationId: 'removeMember',
        summary: 'Remove a person from the organisation and its units (admins)',
        params: MemberParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await removeMember(deps, callerOf(request), request.params.orgId, request.params.accountId);
      return reply.status(204).send(null);
    },
  );
};
