// SCIM 2.0 provisioning (RFC 7643/7644, docs/scim.md) at /scim/v2, outside the API: an
// identity provider creates, updates and deactivates the organisation's members with a
// service account's token (scope `scim`). Its own authentication, body parsing and error
// format (SCIM's, for machines); thin routes over app/scim; not in the OpenAPI document.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiToken, NOT_SIGNED_IN, type Authenticated } from '../../app/auth/authenticate.ts';
import type { AppDeps } from '../../app/context.ts';
import { bearerTokenOf } from '../plugins/auth.ts';
import { AppError, ERROR_STATUS } from '../../app/errors.ts';
import { FIELD_MESSAGES } from '../problem-messages.ts';
import { createUser } from '../../app/scim/create-user.ts';
import { deleteUser } from '../../app/scim/delete-user.ts';
import { getUser } from '../../app/scim/get-user.ts';
import { listUsers } from '../../app/scim/list-users.ts';
import { scimActor, type MemberRecord } from '../../app/scim/scim-users.ts';
import { patchUser, replaceUser } from '../../app/scim/update-user.ts';
import { listOf, pageOf, serviceProviderConfig, userResourceType, userSchema } from '../../core/scim/discovery.ts';
import { ScimError, scimErrorBody } from '../../core/scim/errors.ts';
import { LIST_RESPONSE_SCHEMA, USER_SCHEMA, etagOf, presentUser } from '../../core/scim/user.ts';

export const SCIM_PREFIX = '/scim/v2';
const SCIM_JSON = 'application/scim+json; charset=utf-8';
const JSON_TYPES = /^application\/(scim\+)?json\s*(;|$)/i;
const hidden = { schema: { hide: true } };
const publicRoute = { ...hidden, config: { public: true } };

function toScimError(error: FastifyError | AppError | ScimError): ScimError {
  if (error instanceof ScimError) return error;
  if (error instanceof AppError) {
    // A refusal that names a field (text the database cannot store, plugins/validation.ts)
    // says where, in English as SCIM's errors are.
    const [field] = error.fieldErrors;
    if (!field) return new ScimError(ERROR_STATUS[error.code], error.key);
    const message = FIELD_MESSAGES[field.key]?.en ?? field.key;
    return new ScimError(ERROR_STATUS[error.code], `${field.field} ${message}`, 'invalidValue');
  }
  const status = error.statusCode ?? 500;
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new ScimError(400, 'the body is not valid JSON', 'invalidSyntax');
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new ScimError(400, 'the body is empty', 'invalidSyntax');
  if (status >= 400 && status < 500) return new ScimError(status, error.message);
  return new ScimError(500, 'the server failed; the provider may try again');
}

function sendScimError(request: FastifyRequest, reply: FastifyReply, error: ScimError) {
  if (error.status >= 500) request.log.error({ err: error }, 'SCIM request failed');
  if (error.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
  return reply.status(error.status).type(SCIM_JSON).send(scimErrorBody(error));
}

/** The caller from `Authorization: Bearer`: a live service account's token with the scope `scim`. */
async function provisioner(deps: AppDeps, request: FastifyRequest): Promise<Authenticated> {
  const token = bearerTokenOf(request.headers.authorization);
  const { caller, expired } = token ? await authenticateApiToken(deps, token) : NOT_SIGNED_IN;
  if (expired) throw new ScimError(401, 'the token has expired: rotate the service account’s token');
  if (!caller) throw new ScimError(401, 'a bearer token is required (a service account token with the scope "scim")');
  scimActor(caller);
  return caller;
}

function callerOf(request: FastifyRequest): Authenticated {
  if (!request.caller) throw new ScimError(401, 'a bearer token is required');
  return request.caller;
}

const ifMatchOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers['if-match'];
  return typeof header === 'string' ? header : undefined;
};

export async function scimRoutes(app: FastifyInstance, { deps }: { deps: AppDeps }) {
  const baseUrl = (request: FastifyRequest) =>
    deps.publicUrl
      ? `${deps.publicUrl.replace(/\/+$/, '')}${SCIM_PREFIX}`
      : `${request.protocol}://${request.host}${SCIM_PREFIX}`;
  const sendUser = (request: FastifyRequest, reply: FastifyReply, record: MemberRecord, status = 200) =>
    reply
      .status(status)
      .type(SCIM_JSON)
      .header('etag', etagOf(record.version))
      .send(presentUser(record, baseUrl(request)));

  // SCIM bodies are JSON under their own media type; plain JSON is read by Fastify's own parser.
  app.addContentTypeParser('application/scim+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch {
      done(new ScimError(400, 'the body is not valid JSON', 'invalidSyntax'), undefined);
    }
  });
  app.setErrorHandler((error: FastifyError, request, reply) => sendScimError(request, reply, toScimError(error)));
  app.setNotFoundHandler((request, reply) =>
    sendScimError(
      request,
      reply,
      new ScimError(404, `no SCIM endpoint ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    request.caller = await provisioner(deps, request);
    const type = request.headers['content-type'];
    if (type !== undefined && !JSON_TYPES.test(type)) {
      throw new ScimError(415, 'send application/scim+json (or application/json)');
    }
  });

  app.get('/ServiceProviderConfig', publicRoute, async (request, reply) =>
    reply.type(SCIM_JSON).send(serviceProviderConfig(baseUrl(request))),
  );
  app.get('/ResourceTypes', publicRoute, async (request, reply) =>
    reply.type(SCIM_JSON).send(listOf([userResourceType(baseUrl(request))])),
  );
  app.get('/ResourceTypes/User', publicRoute, async (request, reply) =>
    reply.type(SCIM_JSON).send(userResourceType(baseUrl(request))),
  );
  app.get('/Schemas', publicRoute, async (request, reply) =>
    reply.type(SCIM_JSON).send(listOf([userSchema(baseUrl(request))])),
  );
  app.get(`/Schemas/${USER_SCHEMA}`, publicRoute, async (request, reply) =>
    reply.type(SCIM_JSON).send(userSchema(baseUrl(request))),
  );

  app.get('/Users', hidden, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (Array.isArray(query.filter)) throw new ScimError(400, 'one filter only', 'invalidFilter');
    const page = pageOf({ startIndex: query.startIndex, count: query.count });
    const list = await listUsers(deps, callerOf(request), { ...page, filter: query.filter });
    return reply.type(SCIM_JSON).send({
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: list.totalResults,
      itemsPerPage: list.users.length,
      startIndex: list.startIndex,
      Resources: list.users.map((user) => presentUser(user, baseUrl(request))),
    });
  });

  app.post('/Users', hidden, async (request, reply) => {
    const record = await createUser(deps, callerOf(request), request.body);
    reply.header('location', `${baseUrl(request)}/Users/${record.id}`);
    return sendUser(request, reply, record, 201);
  });

  app.get<{ Params: { id: string } }>('/Users/:id', hidden, async (request, reply) =>
    sendUser(request, reply, await getUser(deps, callerOf(request), request.params.id)),
  );

  app.put<{ Params: { id: string } }>('/Users/:id', hidden, async (request, reply) =>
    sendUser(
      request,
      reply,
      await replaceUser(deps, callerOf(request), request.params.id, request.body, ifMatchOf(request)),
    ),
  );

  app.patch<{ Params: { id: string } }>('/Users/:id', hidden, async (request, reply) =>
    sendUser(
      request,
      reply,
      await patchUser(deps, callerOf(request), request.params.id, request.body, ifMatchOf(request)),
    ),
  );

  app.delete<{ Params: { id: string } }>('/Users/:id', hidden, async (request, reply) => {
    await deleteUser(deps, callerOf(request), request.params.id, ifMatchOf(request));
    return reply.status(204).send();
  });
}
