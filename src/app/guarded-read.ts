// A list read guarded by a read that authorises it (is the key result or objective there,
// and may the caller read it?) used to wait for that read: two round trips to the database
// where one does. Asked in the same turn, the two statements go out together in one write
// (db/statements-by-turn.ts); the answer is still given in their order.

/**
 * The guard and the guarded read at once. The guard's failure wins (a 404 stays a 404
 * whatever the guarded read did); the guarded read's result, or its failure, counts only
 * once the guard passed. The guarded read must be one the caller's organisation scopes on
 * its own: it runs before the guard has answered, and is dropped if the guard fails.
 */
export async function readGuarded<Guard, Read>(
  guard: Promise<Guard>,
  read: () => Promise<Read>,
): Promise<[Guard, Read]> {
  const [passed, answered] = await Promise.allSettled([guard, (async () => read())()]);
  if (passed.status === 'rejected') throw passed.reason;
  if (answered.status === 'rejected') throw answered.reason;
  return [passed.value, answered.value];
}
