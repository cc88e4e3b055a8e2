// PGlite has one connection and runs one call at a time; it keeps no count of the calls
// waiting for it. For /metrics that count is what shows the embedded database is the
// bottleneck, so the three entry points Drizzle and our code use are counted here.
import type { PGlite } from '@electric-sql/pglite';

/** Counts the calls started on `client` and not yet finished; returns the reader of the count. */
export function countInFlight(client: PGlite): () => number {
  let inFlight = 0;
  const counted =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      inFlight++;
      try {
        return await call(...args);
      } finally {
        inFlight--;
      }
    };
  // A transaction's own statements run on its handle, not on these: it counts once.
  client.query = counted(client.query.bind(client)) as PGlite['query'];
  client.exec = counted(client.exec.bind(client));
  client.transaction = counted(client.transaction.bind(client)) as PGlite['transaction'];
  return () => inFlight;
}
