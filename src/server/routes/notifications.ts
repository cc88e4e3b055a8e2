// E-mail: my notification switches, and the organisation's outbox for admins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { getNotificationSettings, updateNotificationSettings } from '../../app/me/notification-settings.ts';
import { getOutboxMessage, listOutbox } from '../../app/notifications/list-outbox.ts';
import { OrgParams, problemResponses, Uuid, writeProblemResponses } from '../../api/schemas/common.ts';
import {
  NotificationSettingsSchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  OutboxQuery,
  UpdateNotificationSettingsBody,
} from '../../api/schemas/notifications.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import { callerOf } from '../plugins/auth.ts';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/me/notifications',
    {
      schema: {
        tags: ['me'],
        operationId: 'getNotificationSettings',
        summary: 'Which e-mails I receive: check-in reminders, the weekly digest, mentions',
        response: { 200: NotificationSettingsSchema, ...problemResponses },
      },
    },
    async (request, reply) => sendWithEtag(reply, await getNotificationSettings(deps, callerOf(request))),
  );

  app.patch(
    '/me/notifications',
    {
      config: { peopleOnly: true },
      schema: {
        tags: ['me'],
        operationId: 'updateNotificationSettings',
        summary: 'Switch kinds of e-mail on or off (If-Match: the ETag of GET /me/notifications)',
        body: UpdateNotificationSettingsBody,
        response: { 200: NotificationSettingsSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateNotificationSettings(deps, callerOf(request), expectedVersion(request), request.body),
      ),
  );

  app.get(
    '/orgs/:orgId/outbox',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'listOutbox',
        summary: 'E-mail the organisation sent, is sending, or holds without a mail server, newest first (admins)',
        params: OrgParams,
        querystring: OutboxQuery,
        response: { 200: OutboxPageSchema, ...problemResponses },
      },
    },
    async (request) => listOutbox(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.get(
    '/orgs/:orgId/outbox/:id',
    {
      schema: {
        tags: ['notifications'],
        operationId: 'getOutboxMessage',
        summary: 'One e-mail of the outbox with its whole text (admins)',
        params: Type.Object({ orgId: Uuid, id: Uuid }),
        response: { 200: OutboxMessageSchema, ...problemResponses },
      },
    },
    async (request) => getOutboxMessage(deps, callerOf(request), request.params.orgId, request.params.id),
  );
};
