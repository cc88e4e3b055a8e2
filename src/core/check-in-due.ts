// When a key result's owner owes a check-in (DESIGN.md: progress is checked in often).

const DAY_MS = 86_400_000;

/**
 * A key result is due when nobody has checked in within the cadence. One that has never
 * been checked in becomes due a cadence after it was created, not at once. One whose
 * objective is marked done (reached before the cycle closed) owes nothing.
 */
export function isCheckInDue(
  lastCheckInAt: Date | null,
  createdAt: Date,
  cadenceDays: number,
  now: Date,
  objectiveDone: boolean,
): boolean {
  if (objectiveDone) return false;
  const since = lastCheckInAt ?? createdAt;
  return now.getTime() - since.getTime() >= cadenceDays * DAY_MS;
}
