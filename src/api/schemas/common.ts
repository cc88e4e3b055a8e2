// Schemas shared by many routes. They validate requests and generate the OpenAPI document.
import { Type, type TSchema } from 'typebox';
import { TEXT_LIMITS } from '../../core/limits.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const OrgParams = Type.Object({ orgId: Uuid });
export const Timestamp = Type.String({ format: 'date-time' });

/** When figures over many rows were worked out (they may be reused for a few seconds). */
export const FiguresAsOf = Type.String({
  format: 'date-time',
  description:
    'When the figures were worked out. For a large organisation (1,000 or more objectives or people counted) they are reused for up to 30 seconds; for a smaller one they are worked out on every request.',
});
export const DateOnly = Type.String({ format: 'date' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Page size (default 50).' })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: 'The nextCursor of the previous page.' })),
};
/** PageQuery as a query string of its own. */
export const PageQueryObject = Type.Object(PageQuery, { additionalProperties: false });
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.String(),
    code: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

const problemRef = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
};

/** The error answers every authenticated operation can give, for the OpenAPI document. */
export const problemResponses = {
  400: problemRef,
  401: problemRef,
  403: problemRef,
  404: problemRef,
};
/** The answer of a route with attempt limits (sign-in and the like) once they are spent. */
export const rateLimitedResponse = { 429: problemRef };

/**
 * A read whose input can be refused after validation (a body such as a draft to check, or a
 * query the use case checks): 422, but nothing is written.
 */
export const checkedReadProblemResponses = {
  ...problemResponses,
  422: problemRef,
};
export const writeProblemResponses = {
  ...problemResponses,
  409: problemRef,
  412: problemRef,
  422: problemRef,
  428: problemRef,
};

export const TextField = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
export const Title = Type.String({ minLength: 1, maxLength: TEXT_LIMITS.title });
export const LongText = Type.String({ maxLength: TEXT_LIMITS.longText });
