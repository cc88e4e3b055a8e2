// What `riktning` exits with, for scripts (docs/cli.md). Stable: scripts branch on them.
export const EXIT = {
  /** Done. */
  ok: 0,
  /** The server said no: invalid input, not found, not allowed, a conflict, problems in an import. */
  refused: 1,
  /** The command line itself is wrong: an unknown command or option, a missing argument. */
  usage: 2,
  /** Nothing to talk to: the server cannot be reached or failed, the database is held or missing. */
  unavailable: 3,
  /** Not signed in: no token, or one the server does not take. */
  unauthenticated: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with its exit code and a message for a person. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Lines under the message: an import's problems, a field's errors. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}
