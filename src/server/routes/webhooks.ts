// Webhook subscriptions (admins): thin routes over app/webhooks.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { createWebhook, deleteWebhook, listWebhooks, rotateWebhookSecret } from '../../app/webhooks/subscriptions.ts';
import { listWebhookDeliveries, sendTestDelivery } from '../../app/webhooks/deliveries.ts';
import { callerOf } from '../plugins/auth.ts';
import {
  IdParams,
  OrgParams,
  Page,
  PageQueryObject,
  problemResponses,
  writeProblemResponses,
} from '../../api/schemas/common.ts';
import {
  CreateWebhookBody,
  WebhookDeliverySchema,
  WebhookSchema,
  WebhookWithSecretSchema,
} from '../../api/schemas/webhooks.ts';

export const webhookRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/orgs/:orgId/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'createWebhook',
        summary: 'Subscribe a URL to events (admins); the answer holds the signing secret, shown only here',
        params: OrgParams,
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecretSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createWebhook(deps, callerOf(request), request.params.orgId, request.body)),
  );

  app.get(
    '/orgs/:orgId/webhooks',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhooks',
        summary: 'The organisation’s webhook subscriptions (admins), without their secrets',
        params: OrgParams,
        response: { 200: Type.Array(WebhookSchema), ...problemResponses },
      },
    },
    async (request) => listWebhooks(deps, callerOf(request), request.params.orgId),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'deleteWebhook',
        summary: 'Remove a webhook subscription (admins)',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteWebhook(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'rotateWebhookSecret',
        summary: 'A new signing secret, shown only here; the old one also signs for 24 hours',
        params: IdParams,
        response: { 200: WebhookWithSecretSchema, ...writeProblemResponses },
      },
    },
    async (request) => rotateWebhookSecret(deps, callerOf(request), request.params.id),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'listWebhookDeliveries',
        summary: 'A subscription’s deliveries, newest first: status, attempts, the receiver’s answer (admins)',
        params: IdParams,
        querystring: PageQueryObject,
        response: { 200: Page(WebhookDeliverySchema), ...problemResponses },
      },
    },
    async (request) => listWebhookDeliveries(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags: ['webhooks'],
        operationId: 'testWebhook',
        summary: 'Send a webhook.test delivery now (admins); its log entry shows how it went',
        params: IdParams,
        response: { 202: WebhookDeliverySchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sendTestDelivery(deps, callerOf(request), request.params.id)),
  );
};
