// Every command is one transaction: nothing is half-written.
import type { Tx } from '../db/connect.ts';
import type { AppDeps } from './context.ts';

export function inTransaction<T>(deps: AppDeps, work: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.db.transaction((tx) => work(tx as Tx));
}
