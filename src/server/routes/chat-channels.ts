// Slack and Teams channels: thin routes over app/chat.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { createChatChannel, deleteChatChannel, listChatChannels, updateChatChannel } from '../../app/chat/channels.ts';
import { listChatPosts, sendTestPost } from '../../app/chat/posts.ts';
import { callerOf } from '../plugins/auth.ts';
import { expectedVersion, sendWithEtag } from '../etag.ts';
import {
  IdParams,
  OrgParams,
  Page,
  PageQueryObject,
  problemResponses,
  writeProblemResponses,
} from '../../api/schemas/common.ts';
import {
  ChatChannelSchema,
  ChatChannelsQuery,
  ChatPostSchema,
  CreateChatChannelBody,
  UpdateChatChannelBody,
} from '../../api/schemas/chat-channels.ts';

const tags = ['chat'];

export const chatChannelRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/orgs/:orgId/chat-channels',
    {
      schema: {
        tags,
        operationId: 'createChatChannel',
        summary: 'Add a Slack or Teams channel to the organisation (admins) or to a unit (its leads too)',
        params: OrgParams,
        body: CreateChatChannelBody,
        response: { 201: ChatChannelSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(reply, await createChatChannel(deps, callerOf(request), request.params.orgId, request.body), 201),
  );

  app.get(
    '/orgs/:orgId/chat-channels',
    {
      schema: {
        tags,
        operationId: 'listChatChannels',
        summary: 'The organisation’s channels (admins), or one unit’s with ?unitId= (its leads too); URLs masked',
        params: OrgParams,
        querystring: ChatChannelsQuery,
        response: { 200: Type.Array(ChatChannelSchema), ...problemResponses },
      },
    },
    async (request) => listChatChannels(deps, callerOf(request), request.params.orgId, request.query),
  );

  app.patch(
    '/chat-channels/:id',
    {
      schema: {
        tags,
        operationId: 'updateChatChannel',
        summary: 'Change a channel’s URL or the messages it wants (If-Match required)',
        params: IdParams,
        body: UpdateChatChannelBody,
        response: { 200: ChatChannelSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) =>
      sendWithEtag(
        reply,
        await updateChatChannel(deps, callerOf(request), request.params.id, expectedVersion(request), request.body),
      ),
  );

  app.delete(
    '/chat-channels/:id',
    {
      schema: {
        tags,
        operationId: 'deleteChatChannel',
        summary: 'Remove a channel and its log',
        params: IdParams,
        response: { 204: Type.Null(), ...writeProblemResponses },
      },
    },
    async (request, reply) => {
      await deleteChatChannel(deps, callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/chat-channels/:id/posts',
    {
      schema: {
        tags,
        operationId: 'listChatPosts',
        summary: 'A channel’s posts, newest first: what, status, attempts, the chat’s answer',
        params: IdParams,
        querystring: PageQueryObject,
        response: { 200: Page(ChatPostSchema), ...problemResponses },
      },
    },
    async (request) => listChatPosts(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/chat-channels/:id/test',
    {
      schema: {
        tags,
        operationId: 'testChatChannel',
        summary: 'Post the channel’s digest as it stands now; its log entry shows how it went',
        params: IdParams,
        response: { 202: ChatPostSchema, ...writeProblemResponses },
      },
    },
    async (request, reply) => reply.status(202).send(await sendTestPost(deps, callerOf(request), request.params.id)),
  );
};
