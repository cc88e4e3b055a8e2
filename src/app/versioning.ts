// Optimistic concurrency: a change names the version it was based on.
import { AppError } from './errors.ts';

export function assertVersion(actual: number, expected: number): void {
  if (actual !== expected) throw new AppError('precondition_failed', 'precondition_failed');
}

/** Only the fields that were given: `undefined` means "leave as it is". */
export function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
