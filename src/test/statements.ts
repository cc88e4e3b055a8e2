// Counting the statements a use case starts, so that tests can hold it to a fixed number
// whatever the size of the organisation (no query per row).
import type { Db } from '../db/connect.ts';

// `with` starts a statement too: its common table expressions lead a select, insert or update.
const STATEMENTS = new Set<PropertyKey>(['select', 'execute', 'insert', 'update', 'delete', 'with']);

/**
 * The database, counting the statements started through it and through its transactions,
 * and the rounds they took: statements asked for at the same moment, none waiting for
 * another's answer, are one round (on PostgreSQL they go out together, in one write:
 * db/statements-by-turn.ts). A moment ends when the code that asked awaits anything.
 */
export function countStatements(db: Db): { db: Db; statements: () => number; rounds: () => number } {
  let statements = 0;
  let rounds = 0;
  let roundOpen = false;
  const started = () => {
    statements++;
    if (roundOpen) return;
    roundOpen = true;
    rounds++;
    queueMicrotask(() => (roundOpen = false));
  };
  /** A statement prepared through the session (raw.ts) counts each time it is executed: one built once runs many times. */
  const countExecutions = (prepared: object) =>
    new Proxy(prepared, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'execute' || typeof value !== 'function') return value;
        const execute = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          started();
          return execute.apply(target, args);
        };
      },
    });
  const countPrepared = (internals: { session: object }) => ({
    ...internals,
    session: new Proxy(internals.session, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'prepareQuery' || typeof value !== 'function') return value;
        const prepare = value as (...args: unknown[]) => object;
        return (...args: unknown[]) => countExecutions(prepare.apply(target, args));
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
            started();
            return call.apply(target, args);
          };
        if (property === 'transaction')
          return (work: (tx: object) => unknown, ...rest: unknown[]) =>
            call.call(target, (tx: object) => work(wrap(tx)), ...rest);
        return value;
      },
    });
  return { db: wrap(db), statements: () => statements, rounds: () => rounds };
}
