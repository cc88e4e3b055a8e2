// The batch of reads (routes/batch.ts): up to 25 GET requests of this API, each named by its
// path below /api/v1 with its query string, answered in the same order.
import { Type } from 'typebox';

/** The parts' paths are below this prefix. */
export const BATCH_PREFIX = '/api/v1';
export const BATCH_MAX_PARTS = 25;
/** The longest path a part may have (a list of 50 ids in its query string fits). */
export const BATCH_MAX_PATH = 8192;

export const BatchBody = Type.Object(
  {
    requests: Type.Array(
      Type.Object(
        {
          path: Type.String({
            minLength: 2,
            maxLength: BATCH_MAX_PATH,
            // A path of this API such as /orgs/…/objectives?cycleId=…: no scheme, host or fragment.
            pattern: '^/[^/#\\\\]',
            description: 'The GET request’s path below /api/v1, with its query string',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: BATCH_MAX_PARTS },
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
