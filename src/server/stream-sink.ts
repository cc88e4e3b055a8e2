// Answers written as they are read (the organisation export, the OKR sheet): a PassThrough
// sent as the reply's body, written into with back-pressure.
import { once } from 'node:events';
import type { PassThrough } from 'node:stream';

/** Writes into the answer, waiting while the client is behind; fails once the client has gone. */
export function sinkInto(body: PassThrough): (chunk: string | Uint8Array) => Promise<void> {
  return async (chunk) => {
    if (body.destroyed) throw new Error('the client left before the answer was written');
    if (body.write(chunk)) return;
    // Whichever comes first; the other's listener is removed, or each wait would leave one behind.
    const settled = new AbortController();
    try {
      await Promise.race([
        once(body, 'drain', { signal: settled.signal }),
        once(body, 'close', { signal: settled.signal }),
      ]);
    } finally {
      settled.abort();
    }
  };
}
