// The library of example OKRs, for everyone signed in: the same for every organisation,
// so it needs no organisation in its path.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EXAMPLE_FUNCTIONS } from '../../core/examples/model.ts';
import { FUNCTION_NAMES } from '../../core/examples/functions.ts';
import { examplesIn } from '../../core/examples/library.ts';
import { requestLocale } from '../locale.ts';
import { problemResponses } from '../../api/schemas/common.ts';
import { ExamplesQuery, ExamplesSchema } from '../../api/schemas/examples.ts';

export const exampleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/examples',
    {
      schema: {
        tags: ['examples'],
        operationId: 'listExamples',
        summary: 'Well-written objectives and key results per function, in Swedish or English',
        description:
          'Objectives for sales, marketing, HR, IT, product, the public sector and personal development, each with ' +
          '3–4 key results worded as outcomes from a start to a target. The coach has no advice on any of them.',
        querystring: ExamplesQuery,
        response: { 200: ExamplesSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? requestLocale(request);
      // The library changes only with a new version of the app.
      void reply.header('cache-control', 'private, max-age=3600');
      return {
        lang,
        functions: EXAMPLE_FUNCTIONS.map((id) => ({ id, name: FUNCTION_NAMES[id][lang] })),
        items: examplesIn(lang, request.query.function),
      };
    },
  );
};
