// PGlite runs one statement (or one transaction) at a time, inside this process: every
// request's database work waits its turn in one line. PGlite's own line serves statements
// in the order they were issued, so a request that needs ten statements one after another
// joins the back of the line ten times, behind everything issued meanwhile: under load a
// check-in (a transaction after a few reads) waited until the load stopped. This line
// serves requests in the order they arrived instead: a statement of an earlier request goes
// before every statement of a later one, so a request, once begun, is finished first. And
// it is bounded: a statement that waited `waitMs`, or that would join a line of `maxWaiting`,
// is refused (DatabaseBusyError, a 503 with Retry-After) instead of waiting for ever.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface QueueLimits {
  /** How long a statement may wait for its turn. */
  waitMs: number;
  /** How many statements may wait; one more that would come last is refused at once. */
  maxWaiting: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { waitMs: 10_000, maxWaiting: 1000 };

/** The refusal, also where a driver wrapped it (Drizzle's DrizzleQueryError names it its cause). */
export function databaseBusyError(error: unknown): DatabaseBusyError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof DatabaseBusyError) return e;
  }
  return undefined;
}

export class DatabaseBusyError extends Error {
  constructor(
    readonly reason: 'waited' | 'full',
    /** When a client may try again: by then the line has moved on by about as much. */
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'full'
        ? 'The embedded database is busy: too many requests wait for it.'
        : 'The embedded database is busy: this request waited too long for its turn.',
    );
  }
}

/** The place in line of the request being handled (see `inArrivalOrder`). */
const places = new AsyncLocalStorage<number>();
let lastPlace = 0;

/** A new place in line, later than every one given before. */
export const nextPlace = (): number => ++lastPlace;

/** Whether this process has a line at all: only an embedded database makes one. */
let lineExists = false;

/**
 * Runs `work` (a request's handling) at `place`: the statements it issues take that place
 * in line. Work outside a request (the job runner, a backup) takes a new place at each statement.
 * Without a line (PostgreSQL) the place is never read, so `work` runs as it is: a context
 * entered for every request would be carried by every promise the request makes.
 */
export const atPlace = <T>(place: number, work: () => T): T => (lineExists ? places.run(place, work) : work());

interface Waiter {
  place: number;
  go(): void;
  timer: NodeJS.Timeout;
}

export interface DatabaseQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Statements waiting for their turn now (for metrics). */
  depth(): number;
  /** A statement or transaction has the database now. */
  busy(): boolean;
}

export function createDatabaseQueue(limits: QueueLimits): DatabaseQueue {
  lineExists = true;
  let busy = false;
  /** By place, earliest first. */
  const waiting: Waiter[] = [];
  const retryAfterSeconds = Math.max(1, Math.ceil(limits.waitMs / 1000));

  function turn(): Promise<void> {
    if (!busy) {
      busy = true;
      // On a turn of its own even when nobody waits (see `next`).
      return new Promise((resolve) => setImmediate(resolve));
    }
    const place = places.getStore() ?? nextPlace();
    let at = waiting.length;
    while (at > 0 && (waiting[at - 1] as Waiter).place > place) at--;
    if (waiting.length >= limits.maxWaiting && at === waiting.length) {
      return Promise.reject(new DatabaseBusyError('full', retryAfterSeconds));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        place,
        go: resolve,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new DatabaseBusyError('waited', retryAfterSeconds));
        }, limits.waitMs),
      };
      waiting.splice(at, 0, waiter);
    });
  }

  function next(): void {
    // The next statement is chosen, and begins, on the next turn of the event loop, not at
    // once: handed on within promise callbacks, statement after statement would run without
    // the loop ever accepting a connection or reading a socket (Node accepts one connection
    // per turn), and whoever was not yet in line would wait until it was empty. Chosen
    // then, it may be the next statement of the request just served.
    setImmediate(() => {
      const waiter = waiting.shift();
      if (!waiter) {
        busy = false;
        return;
      }
      clearTimeout(waiter.timer);
      waiter.go();
    });
  }

  return {
    async run(work) {
      await turn();
      try {
        return await work();
      } finally {
        next();
      }
    },
    depth: () => waiting.length,
    busy: () => busy,
  };
}
