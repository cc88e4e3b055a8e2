// Errors a use case may raise. Each code maps to one HTTP status in one place
// (src/server/plugins/problem.ts); the message keys are translated there.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** JSON pointer into the request, e.g. "/body/title". */
  field: string;
  /** Message key (see the server's problem catalogue) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Message key describing the problem; also the problem type's last segment. */
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    /** Members the problem document carries besides the standard ones (e.g. a sheet's `problems`). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(`${code}: ${key}`);
  }
}

export const notFound = (entity: string) => new AppError('not_found', 'not_found', { entity });
export const forbidden = () => new AppError('forbidden', 'forbidden');
export const invalid = (field: string, key: string, params: Record<string, string | number> = {}) =>
  new AppError('unprocessable', 'invalid', {}, [{ field, key, params }]);

const ARCHIVED_PARENT_KEYS = {
  objective: 'objective_archived',
  keyResult: 'key_result_archived',
  unit: 'parent_archived',
} as const;

/**
 * Restoring a row whose objective, key result or parent unit is archived: restored alone it
 * would be live where no list shows it. The parent is named so the person knows what to
 * restore first.
 */
export const archivedParent = (parent: keyof typeof ARCHIVED_PARENT_KEYS, title: string) =>
  new AppError('conflict', ARCHIVED_PARENT_KEYS[parent], { title });
