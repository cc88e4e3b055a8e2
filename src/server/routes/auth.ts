import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { login } from '../../app/auth/login.ts';
import { logout } from '../../app/auth/logout.ts';
import { clearSessionCookies, currentSessionToken, sendSignedIn } from '../sign-in.ts';
import { emailOf, signInLimiter } from '../sign-in-limits.ts';
import { problemResponses, rateLimitedResponse } from '../../api/schemas/common.ts';
import { MeSchema, SignedInSchema } from '../../api/schemas/me.ts';
import { getMe } from '../../app/me/get-me.ts';

const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; loginRateLimit: number }> = async (
  app,
  { deps, loginRateLimit },
) => {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      // The e-mail is what is guessed at: the limits count per e-mail (sign-in-limits.ts).
      preHandler: signInLimiter(app, loginRateLimit, (request) => `email:${emailOf(request)}`),
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: {
          200: SignedInSchema,
          400: problemResponses[400],
          401: problemResponses[401],
          ...rateLimitedResponse,
        },
      },
    },
    async (request, reply) => {
      const session = await login(deps, { ...request.body, previousSessionToken: currentSessionToken(request) });
      return sendSignedIn(deps, reply, session);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'getSession',
        summary: 'Whether the caller is signed in, and as whom (never 401, so pages can ask first)',
        security: [],
        response: { 200: Type.Object({ account: Type.Union([MeSchema, Type.Null()]) }) },
      },
    },
    async (request) => ({ account: request.caller ? await getMe(deps, request.caller) : null }),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: 'Sign out; the session ends on the server',
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const token = currentSessionToken(request);
      if (token) await logout(deps, token);
      return clearSessionCookies(reply).status(204).send(null);
    },
  );
};
