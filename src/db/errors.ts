// PostgreSQL error codes (SQLSTATE), whichever driver or wrapper raised the error.

export const SQLSTATE = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  invalidTextRepresentation: '22P02',
  /** U+0000 in text (PostgreSQL and PGlite alike). */
  characterNotInRepertoire: '22021',
  /** \u0000 in jsonb. */
  untranslatableCharacter: '22P05',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The error carrying a SQLSTATE: the error itself or one it wraps (Drizzle wraps driver errors). */
function databaseErrorOf(error: unknown): { code: string } | undefined {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string };
  }
  return undefined;
}

/** The SQLSTATE of an error or of the error it wraps. */
export function sqlState(error: unknown): string | undefined {
  return databaseErrorOf(error)?.code;
}

interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

const LOGGED_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const;

/**
 * What the log keeps of a database error: the server's message, its code and where it
 * happened, never the query with its parameters, which Drizzle puts in its message and
 * PGlite on the error (they hold what people wrote, password hashes and tokens' hashes).
 * Undefined for an error that is not the database's.
 */
export function databaseErrorForLog(error: unknown): LoggedError | undefined {
  const cause = databaseErrorOf(error) as (Record<string, unknown> & { code: string }) | undefined;
  if (!cause) return undefined;
  // The frames of the outermost error show where our code ran the query; its first lines
  // repeat the message, query and parameters.
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const logged: LoggedError = {
    type: 'DatabaseError',
    message: String(cause.message ?? ''),
    stack: stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
  for (const field of LOGGED_FIELDS) if (cause[field] !== undefined) logged[field] = cause[field];
  return logged;
}
