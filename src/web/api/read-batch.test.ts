import { describe, expect, it } from 'vitest';
import { ReadBatcher, type BatchTransport } from './read-batch.ts';
import type { Problem } from './types.ts';

class Failure extends Error {
  constructor(readonly status: number) {
    super(`failed with ${status}`);
  }
}

/**
 * A server that answers each path with its own text, or 404 for paths starting /missing;
 * with `refuse`, it refuses every batch as a whole (as a stale CSRF cookie would).
 */
function recordingTransport(refuse?: 'refuse' | 'network') {
  const sent: { alone: string[]; batches: string[][] } = { alone: [], batches: [] };
  const transport: BatchTransport = {
    alone: async (path) => {
      sent.alone.push(path);
      return `answer to ${path}`;
    },
    batch: async (paths) => {
      sent.batches.push(paths);
      if (refuse === 'refuse') throw new Failure(403);
      if (refuse === 'network') throw new Error('network down');
      return paths.map((path) =>
        path.startsWith('/missing')
          ? { status: 404, body: { status: 404, title: 'not found' } }
          : path.startsWith('/empty')
            ? { status: 204, body: null }
            : { status: 200, body: `answer to ${path}` },
      );
    },
    refused: (error) => error instanceof Failure,
    failure: (status: number, _problem: Problem | null) => new Failure(status),
  };
  return { sent, batcher: new ReadBatcher(transport) };
}

describe('ReadBatcher', () => {
  it('sends the reads of one moment as one batch, each answered as its own', async () => {
    const { sent, batcher } = recordingTransport();
    const reads = [batcher.read('/a'), batcher.read('/b'), batcher.read('/empty'), batcher.read('/missing')];
    const settled = await Promise.allSettled(reads);
    expect(sent.batches).toEqual([['/a', '/b', '/empty', '/missing']]);
    expect(sent.alone).toEqual([]);
    expect(settled.slice(0, 3)).toEqual([
      { status: 'fulfilled', value: 'answer to /a' },
      { status: 'fulfilled', value: 'answer to /b' },
      { status: 'fulfilled', value: undefined },
    ]);
    expect(settled[3]).toMatchObject({ status: 'rejected', reason: { status: 404 } });
  });

  it('sends a read alone as a plain request, and the same read asked twice once', async () => {
    const { sent, batcher } = recordingTransport();
    expect(await batcher.read('/a')).toBe('answer to /a');
    const [first, second] = await Promise.all([batcher.read('/b'), batcher.read('/b')]);
    expect([first, second]).toEqual(['answer to /b', 'answer to /b']);
    expect(sent.alone).toEqual(['/a', '/b']);
    expect(sent.batches).toEqual([]);
  });

  it('leaves out reads whose asker gave up, and splits more than 25 reads into batches', async () => {
    const { sent, batcher } = recordingTransport();
    const cancelled = new AbortController();
    const dropped = batcher.read('/dropped', cancelled.signal);
    cancelled.abort(new Error('gave up'));
    const many = Array.from({ length: 30 }, (_, i) => batcher.read(`/n${i}`));
    await expect(dropped).rejects.toThrow('gave up');
    expect(await Promise.all(many)).toHaveLength(30);
    expect(sent.batches.map((b) => b.length)).toEqual([25, 5]);
    expect(sent.alone).toEqual([]);
    expect(sent.batches.flat()).not.toContain('/dropped');
  });

  it('asks each read on its own when the server refuses the batch as a whole, and fails them all when it is unreachable', async () => {
    const refused = recordingTransport('refuse');
    expect(await Promise.all([refused.batcher.read('/a'), refused.batcher.read('/b')])).toEqual([
      'answer to /a',
      'answer to /b',
    ]);
    expect(refused.sent.alone.sort()).toEqual(['/a', '/b']);

    const unreachable = recordingTransport('network');
    const settled = await Promise.allSettled([unreachable.batcher.read('/a'), unreachable.batcher.read('/b')]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(unreachable.sent.alone).toEqual([]);
  });

  it('sends a path too long for a batch on its own', async () => {
    const { sent, batcher } = recordingTransport();
    const long = `/objectives?ids=${'x'.repeat(9000)}`;
    await Promise.all([batcher.read('/a'), batcher.read('/b'), batcher.read(long)]);
    expect(sent.alone).toEqual([long]);
    expect(sent.batches).toEqual([['/a', '/b']]);
  });
});
