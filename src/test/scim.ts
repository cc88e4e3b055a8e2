// Test support for SCIM's pure parts (core/scim).
import { ScimError } from '../core/scim/errors.ts';

/** The ScimError `work` throws; fails when it throws nothing (or something else). */
export function scimErrorOf(work: () => unknown): ScimError {
  try {
    work();
  } catch (error) {
    if (error instanceof ScimError) return error;
    throw error;
  }
  throw new Error('expected a ScimError, but nothing was thrown');
}
