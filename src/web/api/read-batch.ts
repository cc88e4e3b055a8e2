// Reads asked for in the same moment — the queries of one render: the organisation, its
// cycles, the page's lists — go to the server as one POST /batch (server/routes/batch.ts)
// instead of a request each. A read asked for alone still goes as a plain GET.
import type { Problem } from './types.ts';
import { BATCH_LIMITS } from '../../core/limits.ts';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
}

interface Part {
  status: number;
  body: unknown;
}

export interface BatchTransport {
  /** One read on its own. */
  alone(path: string, signal?: AbortSignal): Promise<unknown>;
  /** The batch: its parts' statuses and bodies, in order. */
  batch(paths: string[]): Promise<Part[]>;
  /** True when the batch itself was refused as a request (not its parts): its reads go alone. */
  refused(error: unknown): boolean;
  /** A part's problem (null when it had no body) as the error a read on its own would throw. */
  failure(status: number, problem: Problem | null, path: string): Error;
}

export class ReadBatcher {
  /** Reads waiting for the next flush, by path: the same read asked twice is sent once. */
  private queue = new Map<string, Waiting[]>();

  constructor(private readonly transport: BatchTransport) {}

  read<T>(path: string, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      // Every query started in this render is queued before the flush runs.
      if (this.queue.size === 0) setTimeout(() => this.flush(), 0);
      const waiting = this.queue.get(path) ?? [];
      waiting.push({ resolve: resolve as (value: unknown) => void, reject, signal });
      this.queue.set(path, waiting);
    });
  }

  private flush(): void {
    const reads = [...this.queue].filter(([, waiting]) => stillWanted(waiting));
    this.queue = new Map();
    // A path too long for a batch goes on its own.
    for (const read of reads.filter(([path]) => path.length > BATCH_LIMITS.pathLength)) void this.send([read]);
    const batchable = reads.filter(([path]) => path.length <= BATCH_LIMITS.pathLength);
    for (let start = 0; start < batchable.length; start += BATCH_LIMITS.parts) {
      void this.send(batchable.slice(start, start + BATCH_LIMITS.parts));
    }
  }

  private async send(reads: [string, Waiting[]][]): Promise<void> {
    const [only] = reads;
    if (reads.length === 1 && only) {
      const [path, waiting] = only;
      // The signal is passed on only when no one else waits for the same answer.
      const signal = waiting.length === 1 ? waiting[0]?.signal : undefined;
      return settle(waiting, () => this.transport.alone(path, signal));
    }
    let parts: Part[];
    try {
      parts = await this.transport.batch(reads.map(([path]) => path));
    } catch (error) {
      // A batch the server refused as a whole (a stale CSRF cookie, say) says nothing of its
      // reads: each is asked on its own, as it would have been without batching.
      if (this.transport.refused(error)) for (const read of reads) void this.send([read]);
      else for (const [, waiting] of reads) for (const w of waiting) w.reject(error);
      return;
    }
    reads.forEach(([path, waiting], i) => {
      const part = parts[i];
      void settle(waiting, async () => {
        if (!part) throw new Error('The batch answered fewer parts than it was asked.');
        if (part.status >= 400) throw this.transport.failure(part.status, part.body as Problem | null, path);
        return part.status === 204 ? undefined : part.body;
      });
    });
  }
}

/** Drops the readers that gave up (their query was cancelled); true if anyone still waits. */
function stillWanted(waiting: Waiting[]): boolean {
  for (const w of waiting.filter((w) => w.signal?.aborted)) w.reject(w.signal?.reason);
  return waiting.some((w) => !w.signal?.aborted);
}

async function settle(waiting: Waiting[], answer: () => Promise<unknown>): Promise<void> {
  try {
    const value = await answer();
    for (const w of waiting) w.resolve(value);
  } catch (error) {
    for (const w of waiting) w.reject(error);
  }
}
