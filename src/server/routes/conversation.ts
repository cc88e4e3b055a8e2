import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { addComment, listComments } from '../../app/comments/comments.ts';
import { listAuditEvents } from '../../app/audit/list-audit-events.ts';
import { callerOf } from '../plugins/auth.ts';
import {
  IdParams,
  Nullable,
  OrgParams,
  Page,
  PageQuery,
  Timestamp,
  Uuid,
  problemResponses,
  writeProblemResponses,
} from '../../api/schemas/common.ts';

const CommentSchema = Type.Object({
  id: Uuid,
  objectiveId: Uuid,
  keyResultId: Nullable(Uuid),
  authorId: Nullable(Uuid),
  authorName: Nullable(Type.String()),
  body: Type.String({ description: 'Markdown' }),
  createdAt: Timestamp,
});

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  actorId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: Timestamp,
});

export const conversationRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/objectives/:id/comments',
    {
      schema: {
        tags: ['comments'],
        operationId: 'listComments',
        summary: 'Comments on an objective, oldest first',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
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
        summary: 'Comment on an objective or one of its key results (markdown)',
        params: IdParams,
        body: Type.Object(
          { body: Type.String({ minLength: 1, maxLength: 10_000 }), keyResultId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: { 201: CommentSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addComment(deps, callerOf(request), request.params.id, request.body)),
  );

  app.get(
    '/orgs/:orgId/audit-events',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEvents',
        summary: 'The audit log: who changed what and when, with before and after (admins)',
        params: OrgParams,
        querystring: Type.Object(
          {
            entityType: Type.Optional(Type.String({ maxLength: 40 })),
            entityId: Type.Optional(Type.String({ maxLength: 64 })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(AuditEventSchema), ...problemResponses },
      },
    },
    async (request) => listAuditEvents(deps, callerOf(request), request.params.orgId, request.query),
  );
};
