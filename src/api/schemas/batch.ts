// The batch of reads (routes/batch.ts): up to 25 GET requests of this API, each named by its
// path below /api/v1 with its query string, answered in the same order.
import { Type } from 'typebox';
import { BATCH_LIMITS } from '../../core/limits.ts';

/** The parts' paths are below this prefix. */
export const BATCH_PREFIX = '/api/v1';

export const BatchBody = Type.Object(
  {
    requests: Type.Array(
      Type.Object(
        {
          path: Type.String({
            minLength: 2,
            maxLength: BATCH_LIMITS.pathLength,
            // A path of this API such as /orgs/…/objectives?cycleId=…: no scheme, host or fragment.
            pattern: '^/[^/#\\\\]',
            description: 'The GET request’s path below /api/v1, with its query string',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: BATCH_LIMITS.parts },
    ),
  },
  { additionalProperties: false },
);

export const BatchResponse = Type.Object({
  responses: Type.Array(
    Type.Object({
      status: Type.Integer({ description: 'The status the GET on its own would have answered' }),
      body: Type.Unknown({ description: 'Its JSON body (a problem for a status of 400 or more); null for 204' }),
    }),
  ),
});
