// Figures over a whole organisation or a large unit — net confidence, alignment health —
// that the database works out from thousands of rows, and that every view of the
// organisation home asks for. Such figures are worked out at most once per FIGURES_SECONDS
// in a process and reused meanwhile; the answer says when they were worked out (`asOf`),
// and the page says so once that is more than a moment ago. Figures counted over fewer than
// LARGE_FIGURES rows (a small organisation, a team) are quick to work out and are not
// kept here: they are current, kept only until the next write (kept-answers.ts). Requests
// that arrive while the same figures are being worked out wait for that one run instead of
// starting their own.
//
// Kept per audience (objectives/reader-audience.ts), because a reader does not count the
// private objectives they may not read: admins share one copy, readers who own no private
// objective share another, and only a reader who owns one (or leads a unit that does) gets
// a copy of their own. The caller names the audience (kept-answers.ts works it out).
import type { AppCaches } from './caches.ts';
import type { OrgActor } from './scope.ts';
import type { Audience } from './objectives/reader-audience.ts';

export const FIGURES_SECONDS = 30;
/** Figures counted over fewer rows than this are not kept. */
export const LARGE_FIGURES = 1_000;

export interface Figures<V> {
  value: V;
  /** When they were worked out. */
  asOf: Date;
}

interface Options {
  ttlMs: number;
  /** Figures counted over at least this many rows are kept. */
  largeFrom: number;
  maxEntries: number;
}

/** What to work out, and over how many rows the answer was counted. */
export interface FiguresSource<V> {
  compute: () => Promise<V>;
  countedOver: (value: V) => number;
}

export class FiguresCache {
  private readonly kept = new Map<string, { figures: Figures<unknown>; expires: number }>();
  private readonly running = new Map<string, Promise<Figures<unknown>>>();
  /** Figures (by key without the audience) last counted over fewer than `largeFrom` rows. */
  private readonly small = new Set<string>();
  private readonly options: Options;

  constructor(options: Partial<Options> = {}) {
    this.options = { ttlMs: FIGURES_SECONDS * 1000, largeFrom: LARGE_FIGURES, maxEntries: 10_000, ...options };
  }

  /**
   * The kept figures for `key`, the run already working them out, or a new run of `source`.
   * `figuresKey` names the figures whatever the audience, to remember their size by.
   */
  get<V>(key: string, now: () => Date, source: FiguresSource<V>, figuresKey = key): Promise<Figures<V>> {
    const hit = this.kept.get(key);
    if (hit && hit.expires > performance.now()) return Promise.resolve(hit.figures as Figures<V>);
    if (hit) this.kept.delete(key);
    const running = this.running.get(key);
    if (running) return running as Promise<Figures<V>>;
    const run = this.run(key, now, source, figuresKey);
    this.running.set(key, run);
    const forget = () => this.running.delete(key);
    run.then(forget, forget);
    return run;
  }

  /** Whether these figures were last counted over too few rows to keep (see `figuresFor`). */
  isSmall(figuresKey: string): boolean {
    return this.small.has(figuresKey);
  }

  /** Works figures out now, remembering whether they are small; they are not kept. */
  async direct<V>(figuresKey: string, now: () => Date, source: FiguresSource<V>): Promise<Figures<V>> {
    const asOf = now();
    const value = await source.compute();
    this.noteSize(figuresKey, source.countedOver(value));
    return { value, asOf };
  }

  private noteSize(figuresKey: string, rows: number): void {
    if (rows >= this.options.largeFrom) this.small.delete(figuresKey);
    else if (this.small.size < this.options.maxEntries) this.small.add(figuresKey);
  }

  private async run<V>(
    key: string,
    now: () => Date,
    source: FiguresSource<V>,
    figuresKey: string,
  ): Promise<Figures<V>> {
    const asOf = now();
    const value = await source.compute();
    const figures = { value, asOf };
    const rows = source.countedOver(value);
    this.noteSize(figuresKey, rows);
    if (rows >= this.options.largeFrom) {
      if (this.kept.size >= this.options.maxEntries) {
        const oldest = this.kept.keys().next();
        if (!oldest.done) this.kept.delete(oldest.value);
      }
      this.kept.set(key, { figures, expires: performance.now() + this.options.ttlMs });
    }
    return figures;
  }
}

/**
 * Figures as the audience reads them (objectives/reader-audience.ts): `compute` is given the
 * audience's reader to count for, and its answer is shared with every reader of the same
 * audience. Without a cache (a use case called directly) they are worked out now.
 */
export async function figuresFor<V>(
  deps: { now: () => Date; caches?: AppCaches },
  audience: Audience,
  key: string,
  source: { compute: (reader: OrgActor) => Promise<V>; countedOver: (value: V) => number },
): Promise<Figures<V>> {
  const { reader } = audience;
  const cache = deps.caches?.figures;
  if (!cache) return { value: await source.compute(reader), asOf: deps.now() };
  // Figures too small to keep (a team's) are worked out on every request; once they grow
  // large they are kept per audience from the next request on.
  const figuresKey = `${reader.orgId}:${key}`;
  const direct = { compute: () => source.compute(reader), countedOver: source.countedOver };
  if (cache.isSmall(figuresKey)) return cache.direct(figuresKey, deps.now, direct);
  return cache.get(`${reader.orgId}:${audience.name}:${key}`, deps.now, direct, figuresKey);
}
