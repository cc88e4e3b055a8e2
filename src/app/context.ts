// What every use case runs with: the database and a clock (tests move time).
import type { Db } from '../db/connect.ts';

export interface AppDeps {
  db: Db;
  now: () => Date;
}

/** The authenticated account making a call. */
export interface Caller {
  accountId: string;
}
