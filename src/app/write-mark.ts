// The installation's write mark (the sequence `riktning_write_mark`): every server process
// moves it shortly after each of its write transactions commits, and reads it before it
// answers from what it keeps longer than a few seconds (server/kept-reads.ts). A process's
// own writes drop what it keeps at once (caches.ts); the mark tells the other processes.
//
// Moved after the commit, never inside the transaction: a move inside could be read by
// another process before the write is visible to it, which would then keep the old answer
// under the new mark. After the commit, a process that read the mark before the move keeps
// its answer under the old mark and finds the mark moved on its next read. What remains is
// the moment between a commit and its move (WRITE_MARK_SPACING_MS at most, and a round
// trip), and the moment a read of the mark is shared (MARK_READ_SHARED_MS), in which
// another process may still answer from before the write: some 40 ms.
//
// A sequence, not a row: moving it takes no lock, so writers never queue on it, and reading
// it sees every process's last move at once.
import type { Queryable } from '../db/connect.ts';
import { namedStatement } from '../db/raw.ts';

/** Writes that follow one another this closely move the mark once, after the last. */
export const WRITE_MARK_SPACING_MS = 20;
/**
 * A read of the mark serves the reads that come this soon after it: a page's batch asks
 * for several lists at once, and under load thousands of requests a second would each
 * read it.
 */
export const MARK_READ_SHARED_MS = 20;

const move = namedStatement<{ nextval: string }>('write_mark_move', "select nextval('riktning_write_mark')");
const read = namedStatement<{ mark: string }>(
  'write_mark_read',
  // last_value is 1 both before the first move and after it; is_called tells them apart.
  'select case when is_called then last_value else 0 end as mark from riktning_write_mark',
);

export class WriteMark {
  private timer: NodeJS.Timeout | null = null;
  private moving: Promise<void> | null = null;
  private movedAt = Number.NEGATIVE_INFINITY;
  /** A write committed while the mark was being moved: that move may not cover it. */
  private movedTooSoon = false;
  private lastRead: { at: number; mark: Promise<string> } | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly failed: (error: unknown) => void = () => {},
  ) {}

  /** After a write transaction has ended (committed or not: an error may come after the commit). */
  wrote(): void {
    if (this.timer) return;
    if (this.moving) {
      this.movedTooSoon = true;
      return;
    }
    const wait = Math.max(0, this.movedAt + WRITE_MARK_SPACING_MS - performance.now());
    // Not holding the process open: a server's close moves it (flush).
    this.timer = setTimeout(() => this.moveNow(), wait).unref();
  }

  /** The mark as it stands (read at most MARK_READ_SHARED_MS ago): unchanged as long as no process has written since. */
  current(): Promise<string> {
    const now = performance.now();
    if (this.lastRead && now - this.lastRead.at < MARK_READ_SHARED_MS) return this.lastRead.mark;
    const mark = read(this.db).then(([row]) => String(row?.mark ?? 0));
    const lastRead = { at: now, mark };
    this.lastRead = lastRead;
    // A failed read is not shared: the next one asks again.
    mark.catch(() => {
      if (this.lastRead === lastRead) this.lastRead = null;
    });
    return mark;
  }

  /** Moves the mark now for a write still waiting, and waits for the move (when the server closes). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.moveNow();
      }
      if (!this.moving) return;
      await this.moving;
    }
  }

  private moveNow(): void {
    this.timer = null;
    this.movedAt = performance.now();
    this.moving = move(this.db).then(
      () => undefined,
      (error: unknown) => this.failed(error),
    );
    void this.moving.finally(() => {
      this.moving = null;
      if (this.movedTooSoon) {
        this.movedTooSoon = false;
        this.wrote();
      }
    });
  }
}
