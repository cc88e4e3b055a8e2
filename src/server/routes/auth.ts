import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app/context.ts';
import { login } from '../../app/auth/login.ts';
import { logout } from '../../app/auth/logout.ts';
import { getMe } from '../../app/me/get-me.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../plugins/auth.ts';
import { problemResponses } from '../../api/schemas/common.ts';
import { MeSchema } from '../../api/schemas/me.ts';

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
      config: {
        public: true,
        rateLimit: {
          max: loginRateLimit,
          timeWindow: '1 minute',
          // Per address and e-mail: one attacker cannot lock everyone out of an office NAT.
          keyGenerator: (request) => {
            const body = request.body as { email?: unknown } | undefined;
            return `${request.ip}|${typeof body?.email === 'string' ? body.email.toLowerCase() : ''}`;
          },
        },
      },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: {
          200: Type.Object({ account: MeSchema, csrfToken: Type.String() }),
          400: problemResponses[400],
          401: problemResponses[401],
        },
      },
    },
    async (request, reply) => {
      const result = await login(deps, { ...request.body, previousSessionToken: request.cookies[SESSION_COOKIE] });
      const cookieOptions = { path: '/', sameSite: 'lax', secure: 'auto', expires: result.expiresAt } as const;
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieOptions, httpOnly: true });
      // Readable by the web app, which echoes it in X-CSRF-Token.
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieOptions, httpOnly: false });
      return { account: await getMe(deps, { accountId: result.accountId }), csrfToken: result.csrfToken };
    },
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
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
