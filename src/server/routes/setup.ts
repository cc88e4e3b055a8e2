import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app/context.ts';
import { completeSetup } from '../../app/setup/complete-setup.ts';
import { getSetupStatus } from '../../app/setup/setup-status.ts';
import { currentSessionToken, sendSignedIn } from '../sign-in.ts';
import { emailOf, signInLimiter } from '../sign-in-limits.ts';
import { writeProblemResponses, rateLimitedResponse } from '../../api/schemas/common.ts';
import { SignedInSchema } from '../../api/schemas/me.ts';
import { SetupBody, SetupStatusSchema } from '../../api/schemas/setup.ts';

export const setupRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps; loginRateLimit: number }> = async (
  app,
  { deps, loginRateLimit },
) => {
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        operationId: 'getSetupStatus',
        summary: 'Whether the first-run set-up is still open (the installation has no account)',
        security: [],
        response: { 200: SetupStatusSchema },
      },
    },
    async () => getSetupStatus(deps),
  );

  app.post(
    '/setup',
    {
      config: { public: true },
      // Nothing secret is guessed here, yet each attempt hashes a password (slow): the limits
      // of signing in, per e-mail, so that no stranger's attempts use up the owner's.
      preHandler: signInLimiter(app, loginRateLimit, (request) => `email:${emailOf(request)}`),
      schema: {
        tags: ['setup'],
        operationId: 'completeSetup',
        summary:
          'First run: create the first account and its organisation (the account as owner) and sign in; refused once any account exists',
        security: [],
        body: SetupBody,
        response: {
          201: SignedInSchema,
          400: writeProblemResponses[400],
          409: writeProblemResponses[409],
          422: writeProblemResponses[422],
          ...rateLimitedResponse,
        },
      },
    },
    async (request, reply) => {
      const session = await completeSetup(deps, {
        ...request.body,
        previousSessionToken: currentSessionToken(request),
      });
      return sendSignedIn(deps, reply, session, 201);
    },
  );
};
