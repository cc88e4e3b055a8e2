import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { acceptInvitation } from '../../app/invitations/accept-invitation.ts';
import { getInvitation } from '../../app/invitations/get-invitation.ts';
import { issueMemberInvitation } from '../../app/invitations/issue-invitation.ts';
import { joinByInvitation } from '../../app/invitations/join-invitation.ts';
import { callerOf } from '../plugins/auth.ts';
import { currentSessionToken, sendSignedIn } from '../sign-in.ts';
import { signInLimiter } from '../sign-in-limits.ts';
import { problemResponses, writeProblemResponses, rateLimitedResponse } from '../../api/schemas/common.ts';
import { SignedInSchema } from '../../api/schemas/me.ts';
import { MemberParams } from '../../api/schemas/members.ts';
import {
  AcceptInvitationBody,
  InvitationLinkSchema,
  InvitationParams,
  JoinedOrganisationSchema,
  InvitationSchema,
} from '../../api/schemas/invitations.ts';

const invitationTokenOf = (request: FastifyRequest): string => (request.params as { token?: string }).token ?? '';

export const invitationRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; loginRateLimit: number }> = async (
  app,
  { deps, loginRateLimit },
) => {
  app.post(
    '/orgs/:orgId/members/:accountId/invitation',
    {
      schema: {
        tags: ['members'],
        operationId: 'issueInvitation',
        summary:
          'A fresh invitation link for a member who cannot sign in yet; older links stop working (admins; 409 already_active when the member has a password)',
        params: MemberParams,
        response: { 201: InvitationLinkSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueMemberInvitation(deps, callerOf(request), request.params.orgId, request.params.accountId)),
  );

  app.get(
    '/invitations/:token',
    {
      config: { public: true },
      schema: {
        tags: ['invitations'],
        operationId: 'getInvitation',
        summary: 'Who an invitation link is for, and from which organisation (404 when unknown, expired or used)',
        security: [],
        params: InvitationParams,
        response: { 200: InvitationSchema, 400: problemResponses[400], 404: problemResponses[404] },
      },
    },
    async (request) => getInvitation(deps, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { public: true },
      // Counted per link: the link is the secret, and people accepting their own links from
      // one office do not use up each other's attempts.
      preHandler: signInLimiter(app, loginRateLimit, (request) => `invitation:${invitationTokenOf(request)}`),
      schema: {
        tags: ['invitations'],
        operationId: 'acceptInvitation',
        summary:
          'Someone new to Riktning chooses a password with an invitation link, joins and is signed in; a link works once (409 invitation_sign_in when the address has an account: sign in and join)',
        security: [],
        params: InvitationParams,
        body: AcceptInvitationBody,
        response: {
          200: SignedInSchema,
          400: writeProblemResponses[400],
          404: writeProblemResponses[404],
          409: writeProblemResponses[409],
          422: writeProblemResponses[422],
          ...rateLimitedResponse,
        },
      },
    },
    async (request, reply) => {
      const session = await acceptInvitation(deps, request.params.token, {
        ...request.body,
        previousSessionToken: currentSessionToken(request),
      });
      return sendSignedIn(deps, reply, session);
    },
  );

  app.post(
    '/invitations/:token/join',
    {
      schema: {
        tags: ['invitations'],
        operationId: 'joinByInvitation',
        summary:
          'Join the inviting organisation, signed in as the invited account (403 invitation_other_account for anyone else); a link works once',
        params: InvitationParams,
        response: { 200: JoinedOrganisationSchema, ...writeProblemResponses },
      },
    },
    async (request) => joinByInvitation(deps, callerOf(request), request.params.token),
  );
};
