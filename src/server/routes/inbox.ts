// My in-app inbox (the header's bell): read it, and mark notifications read.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { listInbox } from '../../app/inbox/list-inbox.ts';
import { markInboxRead } from '../../app/inbox/mark-inbox-read.ts';
import { OrgParams, problemResponses } from '../../api/schemas/common.ts';
import { InboxQuery, InboxSchema, InboxUnreadSchema, MarkInboxReadBody } from '../../api/schemas/inbox.ts';
import { callerOf } from '../plugins/auth.ts';
import { sendKeptRead } from '../kept-reads.ts';

export const inboxRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/orgs/:orgId/inbox',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'listInbox',
        summary:
          'My notifications: comments that mention me or are on my objectives, newest first, and the unread count',
        params: OrgParams,
        querystring: InboxQuery,
        response: { 200: InboxSchema, ...problemResponses },
      },
    },
    // Every page asks for it (kept-reads.ts).
    async (request, reply) =>
      sendKeptRead(deps, request, reply, request.params.orgId, (caller) =>
        listInbox(deps, caller, request.params.orgId, request.query),
      ),
  );

  app.post(
    '/orgs/:orgId/inbox/read',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['notifications'],
        operationId: 'markInboxRead',
        summary: 'Mark my notifications read (those named, or all) and answer how many are still unread',
        params: OrgParams,
        body: MarkInboxReadBody,
        response: { 200: InboxUnreadSchema, ...problemResponses },
      },
    },
    async (request) => markInboxRead(deps, callerOf(request), request.params.orgId, request.body),
  );
};
