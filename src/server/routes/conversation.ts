import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { addComment } from '../../app/comments/add-comment.ts';
import { listComments } from '../../app/comments/list-comments.ts';
import { listFeed } from '../../app/feed/list-feed.ts';
import { callerOf } from '../plugins/auth.ts';
import { IdParams, OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  AddCommentBody,
  CommentSchema,
  FeedItemSchema,
  FeedQuery,
  ListCommentsQuery,
} from '../../api/schemas/conversation.ts';

export const conversationRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/objectives/:id/comments',
    {
      schema: {
        tags: ['comments'],
        operationId: 'listComments',
        summary: 'Comments on an objective, oldest first (optionally only those about one key result)',
        params: IdParams,
        querystring: ListCommentsQuery,
        response: { 200: Page(CommentSchema), ...problemResponses },
      },
    },
    async (request) => listComments(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/objectives/:id/comments',
    {
      schema: {
        tags: ['comments'],
        operationId: 'addComment',
        summary: 'Comment on an objective or one of its key results (markdown with @mentions)',
        params: IdParams,
        body: AddCommentBody,
        response: { 201: CommentSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addComment(deps, callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/orgs/:orgId/feed',
    {
      schema: {
        tags: ['feed'],
        operationId: 'listFeed',
        summary: 'What happened to the OKRs of the organisation, a unit or an objective, newest first',
        description:
          'Read from the audit log; events about objectives the caller may not read (private ones, drafts) are left out.',
        params: OrgParams,
        querystring: FeedQuery,
        response: { 200: Page(FeedItemSchema), ...problemResponses },
      },
    },
    async (request) => listFeed(deps, callerOf(request), request.params.orgId, request.query),
  );
};
