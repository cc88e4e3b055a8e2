// The guard and the read it guards start together, but answer in turn: the guard's failure
// first, the read's only once the guard passed.
import { describe, expect, it } from 'vitest';
import { readGuarded } from './guarded-read.ts';

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failingAfter = (ms: number, error: Error) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(error), ms));

describe('readGuarded', () => {
  it('starts the read before the guard has answered, and gives both', async () => {
    let readStarted = false;
    let guardDone = false;
    const guard = after(20, 'context').then((value) => {
      guardDone = true;
      return value;
    });
    const answer = readGuarded(guard, async () => {
      readStarted = true;
      expect(guardDone).toBe(false);
      return after(5, ['row']);
    });
    expect(readStarted).toBe(true);
    await expect(answer).resolves.toEqual(['context', ['row']]);
  });

  it('fails with the guard’s error even when the read failed first', async () => {
    const notFound = new Error('not found');
    await expect(readGuarded(failingAfter(20, notFound), () => failingAfter(1, new Error('bad cursor')))).rejects.toBe(
      notFound,
    );
  });

  it('fails with the read’s error, thrown or rejected, once the guard passed', async () => {
    const badCursor = new Error('bad cursor');
    await expect(
      readGuarded(after(1, 'context'), () => {
        throw badCursor;
      }),
    ).rejects.toBe(badCursor);
    await expect(readGuarded(after(1, 'context'), () => failingAfter(5, badCursor))).rejects.toBe(badCursor);
  });
});
