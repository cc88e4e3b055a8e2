// Counting the statements a use case starts, so that tests can hold it to a fixed number
// whatever the size of the organisation (no query per row).
import type { Db } from '../db/connect.ts';

// `with` starts a statement too: its common table expressions lead a select, insert or update.
const STATEMENTS = new Set<PropertyKey>(['select', 'execute', 'insert', 'update', 'delete', 'with']);

/** The database, counting the statements started through it and through its transactions. */
export function countStatements(db: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const countPrepared = (internals: { session: object }) => ({
    ...internals,
    session: new Proxy(internals.session, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'prepareQuery' || typeof value !== 'function') return value;
        const prepare = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          statements++;
          return prepare.apply(target, args);
        };
      },
    }),
  });
  const wrap = <Q extends object>(q: Q): Q =>
    new Proxy(q, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property === '_') return countPrepared(value as { session: object });
        if (typeof value !== 'function') return value;
        const call = value as (...args: unknown[]) => unknown;
        if (STATEMENTS.has(property))
          return (...args: unknown[]) => {
            statements++;
            return call.apply(target, args);
          };
        if (property === 'transaction')
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            call.call(target, (tx: object) => work(wrap(tx)), ...rest);
        return value;
      },
    });
  return { db: wrap(db), statements: () => statements };
}
