import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { addComment } from '../../app/comments/add-comment.ts';
import { listComments } from '../../app/comments/list-comments.ts';
import { removeComment } from '../../app/comments/remove-comment.ts';
import { updateComment } from '../../app/comments/update-comment.ts';
import { listFeed } from '../../app/feed/list-feed.ts';
import { Type } from 'typebox';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { sendKeptMayLag } from '../kept-reads.ts';
import { IdParams, OrgParams, Page, problemResponses, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  AddCommentBody,
  CommentSchema,
  FeedItemSchema,
  FeedQuery,
  ListCommentsQuery,
  UpdateCommentBody,
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

  app.patch(
    '/comments/:id',
    {
      schema: {
        tags: ['comments'],
        operationId: 'updateComment',
        summary: 'Change the text of your own comment (If-Match required)',
        description: 'Only the author may; a removed comment is not found.',
        params: IdParams,
        body: UpdateCommentBody,
        response: { 200: CommentSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateComment(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        tags: ['comments'],
        operationId: 'removeComment',
        summary: 'Remove a comment (its author, or an admin moderating)',
        description: 'The comment keeps its place in the conversation, shown as removed, without text or author.',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await removeComment(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
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
    // Every main page shows its latest events (kept-reads.ts).
    async (request, reply) =>
      sendKeptMayLag(deps, request, reply, request.params.orgId, (reader, caller) =>
        listFeed(reader, caller, request.params.orgId, request.query),
      ),
  );
};
