// Every command is one transaction: nothing is half-written.
import type { Tx } from '../db/connect.ts';
import { SQLSTATE, sqlState } from '../db/errors.ts';
import { forgetOkrAnswers } from './caches.ts';
import type { AppDeps } from './context.ts';

/** PostgreSQL may abort one of two transactions that wait on each other; running it again is safe. */
const RETRYABLE: ReadonlySet<string> = new Set([SQLSTATE.serializationFailure, SQLSTATE.deadlockDetected]);
const MAX_ATTEMPTS = 3;

export async function inTransaction<T>(deps: AppDeps, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.db.transaction((tx) => work(tx as Tx));
      } catch (error) {
        const state = sqlState(error);
        if (attempt >= MAX_ATTEMPTS || state === undefined || !RETRYABLE.has(state)) throw error;
      }
    }
  } finally {
    // Once it has ended, committed or not (an error may come after the commit).
    forgetOkrAnswers(deps);
  }
}
